package io.hashdesk.app.wiring;

import io.hashdesk.app.actions.ActionsScreen;
import io.hashdesk.app.actions.ActionsScreenSettings;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.reco.RecommendationsScreen;
import io.hashdesk.app.reco.RecommendationsScreenSettings;
import io.hashdesk.app.reco.StoredRecommendationInbox;
import io.hashdesk.app.shell.Section;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.app.shell.ShellViewModel;
import io.hashdesk.core.store.FarmStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The Recommendations inbox (with its work orders) and the Actions screen over the app's one action console; Apply
 * in the inbox follows the new action on Actions.
 */
final class RecommendationScreens implements AutoCloseable {

    private final ActionsScreen actions;
    private final RecommendationsScreen recommendations;

    private RecommendationScreens(ActionsScreen actions, RecommendationsScreen recommendations) {
        this.actions = actions;
        this.recommendations = recommendations;
    }

    /** Builds both screens and puts them into the shell's sections. */
    static RecommendationScreens add(AdviceAndActions advice, FarmStore store, Path dataFolder, JobRunner jobs,
                                     Clock clock, Map<Section, SectionScreen> screens, ShellViewModel shell) {
        String operator = System.getProperty("user.name", "operator");
        ActionsScreen actions = new ActionsScreen(advice.console(), jobs, ActionsScreenSettings.load(dataFolder),
                operator);
        screens.put(Section.ACTIONS, actions.sectionScreen());
        shell.onRefresh(Section.ACTIONS, actions);
        RecommendationsScreen recommendations = new RecommendationsScreen(new StoredRecommendationInbox(
                store.recommendations(), store.registry(), advice::runNow, clock), advice.console(), jobs, clock,
                RecommendationsScreenSettings.load(dataFolder), operator, actionId -> {
                    actions.follow(actionId);
                    shell.select(Section.ACTIONS);
                });
        screens.put(Section.RECOMMENDATIONS, recommendations.sectionScreen());
        shell.onRefresh(Section.RECOMMENDATIONS, recommendations);
        return new RecommendationScreens(actions, recommendations);
    }

    @Override
    public void close() {
        recommendations.close();
        actions.close();
    }
}

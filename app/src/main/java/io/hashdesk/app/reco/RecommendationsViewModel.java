package io.hashdesk.app.reco;

import io.hashdesk.app.actions.ActionConsole;
import io.hashdesk.app.actions.ActionPlan;
import io.hashdesk.app.actions.PlanConfirmation;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.Urgency;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The inbox's state and commands: the open recommendations as cards, filtered by type, room and urgency; the check
 * boxes for Apply to all selected; Apply (plan → confirmation → start), Dismiss with a required reason, Snooze, Open
 * work order and Run now, each as a background job. Touches no node; call on the FX thread except {@link #read()}.
 */
final class RecommendationsViewModel {

    private final RecommendationInbox inbox;
    private final ActionConsole console;
    private final JobRunner jobs;
    private final Clock clock;
    private final String operator;
    private final PlanConfirmation planConfirmation;
    private final DismissDialog dismissDialog;
    private final Consumer<String> onActionStarted;
    private final Runnable onWorkOrderOpened;
    private final List<RecommendationCard> all = new ArrayList<>();
    private final ObservableList<RecommendationCard> cards = FXCollections.observableArrayList();
    private final ObservableList<RecommendationCard> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final ObservableList<RecommendationType> typeChoices = FXCollections.observableArrayList();
    private final ObservableList<RecommendationType> typeChoicesView =
            FXCollections.unmodifiableObservableList(typeChoices);
    private final ObservableList<String> roomChoices = FXCollections.observableArrayList();
    private final ObservableList<String> roomChoicesView = FXCollections.unmodifiableObservableList(roomChoices);
    private final Set<RecommendationType> typeFilter = new LinkedHashSet<>();
    private final Set<String> roomFilter = new LinkedHashSet<>();
    private final Set<Urgency> urgencyFilter = new LinkedHashSet<>();
    private final Set<String> selected = new LinkedHashSet<>();
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper(this, "selectedCount");
    private final ReadOnlyBooleanWrapper hasAny = new ReadOnlyBooleanWrapper(this, "hasAny");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /**
     * @param onActionStarted   told the id of each action Apply starts, on the FX thread (the Actions screen follows
     *                          it)
     * @param onWorkOrderOpened told on the FX thread when Open work order has opened one (the work orders re-read)
     */
    RecommendationsViewModel(RecommendationInbox inbox, ActionConsole console, JobRunner jobs, Clock clock,
                             String operator, PlanConfirmation planConfirmation, DismissDialog dismissDialog,
                             Consumer<String> onActionStarted, Runnable onWorkOrderOpened) {
        this.inbox = inbox;
        this.console = console;
        this.jobs = jobs;
        this.clock = clock;
        this.operator = operator;
        this.planConfirmation = planConfirmation;
        this.dismissDialog = dismissDialog;
        this.onActionStarted = onActionStarted;
        this.onWorkOrderOpened = onWorkOrderOpened;
    }

    /** The cards the filters let through, best rank first. */
    ObservableList<RecommendationCard> cards() {
        return cardsView;
    }

    /** The types among the open recommendations, for the type filter. */
    ObservableList<RecommendationType> typeChoices() {
        return typeChoicesView;
    }

    /** The rooms among the open recommendations, for the room filter. */
    ObservableList<String> roomChoices() {
        return roomChoicesView;
    }

    /** Whether anything is open at all (before filtering): the empty state shows until then. */
    ReadOnlyBooleanProperty hasAnyProperty() {
        return hasAny.getReadOnlyProperty();
    }

    /** How many checked cards Apply to all selected would apply. */
    ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }

    /** Whether a plan is being made or started; Apply waits for it. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last command did, or why it failed. */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Reads the open recommendations; runs on a background thread. */
    List<Recommendation> read() {
        return inbox.open();
    }

    void refresh() {
        jobs.submit("Read recommendations", context -> read(), this::update,
                e -> message.set("Recommendations could not be read: " + e.getMessage()));
    }

    /** Takes a read: new cards, filter choices from what is open, checks kept on cards still there. */
    void update(List<Recommendation> open) {
        List<RecommendationCard> fresh = open.stream().map(r -> RecommendationCard.of(r, clock.instant())).toList();
        all.clear();
        all.addAll(fresh);
        // choices change only when the set does, so a refresh never resets what the operator ticked
        List<RecommendationType> types = List.copyOf(new TreeSet<>(fresh.stream().map(RecommendationCard::type)
                .toList()));
        if (!types.equals(typeChoices)) {
            typeChoices.setAll(types);
        }
        List<String> rooms = List.copyOf(new TreeSet<>(fresh.stream().map(RecommendationCard::room).toList()));
        if (!rooms.equals(roomChoices)) {
            roomChoices.setAll(rooms);
        }
        Set<String> ids = fresh.stream().map(RecommendationCard::id).collect(Collectors.toSet());
        selected.retainAll(ids);
        hasAny.set(!fresh.isEmpty());
        applyFilters();
    }

    /** Shows only these types; none means every type. */
    void filterTypes(Collection<RecommendationType> types) {
        typeFilter.clear();
        typeFilter.addAll(types);
        applyFilters();
    }

    /** Shows only these rooms; none means every room. */
    void filterRooms(Collection<String> rooms) {
        roomFilter.clear();
        roomFilter.addAll(rooms);
        applyFilters();
    }

    /** Shows only these urgencies; none means every urgency. */
    void filterUrgencies(Collection<Urgency> urgencies) {
        urgencyFilter.clear();
        urgencyFilter.addAll(urgencies);
        applyFilters();
    }

    private void applyFilters() {
        List<RecommendationCard> shown = all.stream()
                .filter(c -> typeFilter.isEmpty() || typeFilter.contains(c.type()))
                .filter(c -> roomFilter.isEmpty() || roomFilter.contains(c.room()))
                .filter(c -> urgencyFilter.isEmpty() || urgencyFilter.contains(c.urgency()))
                .toList();
        if (!shown.equals(cards)) {
            cards.setAll(shown);
        }
        countSelected();
    }

    boolean isSelected(RecommendationCard card) {
        return selected.contains(card.id());
    }

    /** Checks or unchecks a card for Apply to all selected; only cards that can be applied can be checked. */
    void select(RecommendationCard card, boolean checked) {
        if (checked && card.applicable()) {
            selected.add(card.id());
        } else {
            selected.remove(card.id());
        }
        countSelected();
    }

    /** Only shown cards count: a filter hides a card from Apply to all selected as well as from view. */
    private List<RecommendationCard> selectedCards() {
        return cards.stream().filter(c -> selected.contains(c.id())).toList();
    }

    private void countSelected() {
        selectedCount.set(selectedCards().size());
    }

    /** Plans one card's change, asks for confirmation, and starts it. */
    void apply(RecommendationCard card) {
        apply(List.of(card));
    }

    /** Plans every checked card's change as one action, asks for confirmation, and starts it. */
    void applySelected() {
        apply(selectedCards());
    }

    private void apply(List<RecommendationCard> chosen) {
        List<Recommendation> recommendations = chosen.stream().filter(RecommendationCard::applicable)
                .map(RecommendationCard::recommendation).toList();
        if (recommendations.isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        message.set("Planning the change…");
        jobs.submit("Plan " + chosen.size() + " recommendation(s)", context -> console.plan(recommendations, operator),
                this::confirmAndStart, e -> failed("No plan could be made", e));
    }

    private void confirmAndStart(ActionPlan plan) {
        if (!planConfirmation.confirm(plan)) {
            message.set("Nothing was applied.");
            busy.set(false);
            return;
        }
        jobs.submit("Start " + plan.title(), context -> console.start(plan, operator), actionId -> {
            selected.removeAll(plan.recommendationIds());
            countSelected();
            message.set("Started: " + plan.title() + ". Its progress is under Actions.");
            onActionStarted.accept(actionId);
            busy.set(false);
            refresh();
        }, e -> failed("The change did not start", e));
    }

    private void failed(String what, Exception e) {
        message.set(what + ": " + e.getMessage());
        busy.set(false);
    }

    /** Asks why, then dismisses; a dismissal without a reason is never sent. */
    void dismiss(RecommendationCard card) {
        dismissDialog.ask(card).ifPresent(dismissal -> {
            String text = dismissal.text();
            hide(card);
            jobs.submit("Dismiss " + card.headline(), context -> {
                inbox.dismiss(card.id(), text, operator);
                return text;
            }, done -> message.set("Dismissed: " + card.headline() + " (" + done + ")."),
                    e -> failed("It was not dismissed", e));
        });
    }

    /** Hides a card for {@code length}; it comes back then if still advised. */
    void snooze(RecommendationCard card, Duration length) {
        hide(card);
        jobs.submit("Snooze " + card.headline(), context -> {
            inbox.snooze(card.id(), clock.instant().plus(length), operator);
            return length;
        }, done -> message.set("Snoozed for " + SnoozeText.of(done) + ": " + card.headline() + "."),
                e -> failed("It was not snoozed", e));
    }

    /** MAINTENANCE: opens a work order for the technician. */
    void openWorkOrder(RecommendationCard card) {
        jobs.submit("Open a work order", context -> inbox.openWorkOrder(card.id(), operator),
                order -> {
                    message.set(order + " opened: " + card.headline() + ". It is under Work orders.");
                    onWorkOrderOpened.run();
                    refresh();
                }, e -> failed("No work order was opened", e));
    }

    /** Runs an engine pass now. */
    void runNow() {
        message.set("Looking for recommendations…");
        jobs.submit("Run the recommendation engine", context -> inbox.runNow(), count -> {
            message.set(count == 0 ? "Nothing to recommend right now." : count + " recommendation(s) open.");
            refresh();
        }, e -> failed("The engine could not run", e));
    }

    /** Takes an answered card off the list at once, so it does not wait for the store round trip. */
    private void hide(RecommendationCard card) {
        all.removeIf(c -> c.id().equals(card.id()));
        selected.remove(card.id());
        hasAny.set(!all.isEmpty());
        applyFilters();
    }
}

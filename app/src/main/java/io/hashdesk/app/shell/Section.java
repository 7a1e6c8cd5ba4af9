package io.hashdesk.app.shell;

/**
 * The screens the navigation offers, in the order shown, each with the words its empty state
 * uses until the screen has data to show.
 */
public enum Section {

    FLEET("Fleet", "No fleet data yet",
            "This overview will total the farm: hashrate, power, efficiency in J/TH, revenue per day, "
                    + "alerts, and how many miners are online or offline.",
            "Add miners under Miners → Find miners… (scan a range or import a CSV of addresses), or start "
                    + "Hashdesk with --demo-farm (or \"demoFarm\": true in app-settings.json) to see a simulated farm."),
    MINERS("Miners", "No miners registered yet",
            "Every miner will be listed here with its hashrate, chip temperatures, fans, power, pool and "
                    + "status, grouped by room and rack.",
            "Find miners… scans a range or imports a CSV of addresses; it needs the farm database, which could "
                    + "not be opened — the status bar says why."),
    ALERTS("Alerts", "Alerts are unavailable",
            "Miners that go offline, overheat, lose a fan or a hashboard, or hash well below their rating are "
                    + "listed here to acknowledge, with a notification when they happen.",
            "Alerts need the farm database and polling, which could not start; the status bar and the log say why."),
    RECOMMENDATIONS("Recommendations", "No recommendations yet",
            "Suggested changes to power presets, clocks, cooling, pools or maintenance will appear here, "
                    + "each with its expected impact, confidence and reasoning.",
            "Recommendations need stored telemetry and trained models; they come with the recommendation engine."),
    ACTIONS("Actions", "No actions applied",
            "Each change applied to a miner will be journaled here: its steps, the read-back checks, "
                    + "automatic rollbacks and the audit trail.",
            "Nothing has been applied. Actions start from a recommendation once the action executor is in place."),
    MODELS("Models", "No models trained yet",
            "Forecasting, efficiency, thermal, anomaly and maintenance models are trained on this PC from "
                    + "stored telemetry; their versions, metrics and drift checks will be listed here.",
            "Training needs a few days of telemetry, or the history the demo farm generates."),
    MARKET("Market & energy", "Market and energy data are unavailable",
            "Coin prices, difficulty and hashprice with their age and source, manual entry, CSV import, and the "
                    + "electricity tariff with its 24-hour price strip are shown and edited here.",
            "This screen needs the farm database, which could not be opened; the status bar says why."),
    SETTINGS("Settings", "Settings cannot be edited here yet",
            "Polling intervals, safety limits, miner credentials and the data folder will be set here.",
            "Until then the data folder can be moved with the HASHDESK_DATA_DIR environment variable or "
                    + "-Dhashdesk.data.dir; the status bar shows where it is now.");

    private final String title;
    private final String emptyTitle;
    private final String emptyMessage;
    private final String emptyNextStep;

    Section(String title, String emptyTitle, String emptyMessage, String emptyNextStep) {
        this.title = title;
        this.emptyTitle = emptyTitle;
        this.emptyMessage = emptyMessage;
        this.emptyNextStep = emptyNextStep;
    }

    /** The name in the navigation and the header. */
    public String title() {
        return title;
    }

    /** One line saying what is missing. */
    public String emptyTitle() {
        return emptyTitle;
    }

    /** What the screen will show once it has data. */
    public String emptyMessage() {
        return emptyMessage;
    }

    /** What the operator (or the next release) has to provide first. */
    public String emptyNextStep() {
        return emptyNextStep;
    }
}

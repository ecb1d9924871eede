package vn.haiphong.gddt.local;

/**
 * The classes that break services through {@code /_local/faults} and wait out the SDK's timeouts, Lambda's
 * retries and claims' lapses. Each system has its own fault switch, so they may run beside another class
 * (most of their time is waiting, not CPU); they take turns among themselves so that no two of them stretch
 * each other's waits. The classes whose subject is speed itself (120 uploads at once, the 76-morning walk)
 * stay {@code @Isolated}.
 */
final class Outages {
    static final String LOCK = "outages";

    private Outages() {
    }
}

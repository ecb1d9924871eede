package vn.haiphong.gddt.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.OutageProxy;
import vn.haiphong.gddt.reports.AwsClients;

/**
 * What {@code /_local/faults} switches: each AWS service the functions call, down, slow (each request
 * held past the functions' client timeout, then served: the ambiguous case) or up; for DynamoDB and S3,
 * {@code lose-next-write} (the next write is done, but its answer never reaches the function, whose SDK
 * tries it again); and S3's event notifications, held or delivered.
 *
 * <p>The functions reach each service through an {@link OutageProxy} of this system's own (their
 * {@code AWS_ENDPOINT_URL_*}), so a service down here fails every call they make to it, keeps its data,
 * and leaves alone another system on the same emulators and the runner's own set-up, which goes straight
 * to the emulators.
 */
final class LocalFaults {
    static final String DYNAMODB = "dynamodb";
    static final String SES = "ses";
    static final String S3 = "s3";
    static final String S3_EVENTS = "s3Events";

    /**
     * How long {@code "slow"} holds each request: a second longer than the functions' client waits for one
     * try, so the try times out and the service acts on the request all the same.
     */
    private static final Map<String, Duration> SLOW_BY = Map.of(
            DYNAMODB, AwsClients.DYNAMODB.attemptTimeout().plusSeconds(1),
            SES, AwsClients.SES.attemptTimeout().plusSeconds(1),
            S3, AwsClients.S3.attemptTimeout().plusSeconds(1));

    private static final String LOSE_NEXT_WRITE = "lose-next-write";
    /** What a write request names in its head, per service that has {@link #LOSE_NEXT_WRITE}. */
    private static final Map<String, List<String>> WRITES = Map.of(
            DYNAMODB, List.of("DynamoDB_20120810.PutItem", "DynamoDB_20120810.UpdateItem", "DynamoDB_20120810.DeleteItem"),
            S3, List.of("PUT /", "DELETE /"));

    private final Map<String, OutageProxy> services;
    private final S3Notifications s3Events;

    LocalFaults(Map<String, OutageProxy> services, S3Notifications s3Events) {
        this.services = services;
        this.s3Events = s3Events;
    }

    /** A proxy in front of each emulator the functions call, every one up; the caller closes them. */
    static Map<String, OutageProxy> proxiesFor(Emulators emulators) {
        Map<String, OutageProxy> proxies = new LinkedHashMap<>();
        try {
            proxies.put(DYNAMODB, OutageProxy.start(emulators.dynamoDbEndpoint()));
            proxies.put(SES, OutageProxy.start(emulators.sesEndpoint()));
            proxies.put(S3, OutageProxy.start(emulators.s3Endpoint()));
        } catch (RuntimeException e) {
            proxies.values().forEach(OutageProxy::close);
            throw e;
        }
        return proxies;
    }

    /**
     * {@code {"dynamodb": "up", "ses": "up", "s3": "up", "s3Events": "up"}}, or down / slow / held where
     * switched; {@code lose-next-write} until that write has come.
     */
    Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        services.forEach((name, proxy) -> state.put(name, proxy.isDown() ? "down" : proxy.isSlow() ? "slow"
                : proxy.losingAnAnswer() ? LOSE_NEXT_WRITE : "up"));
        state.put(S3_EVENTS, s3Events.holding() ? "held" : "up");
        return state;
    }

    /**
     * Switches what {@code changes} names; every name and value is checked first, so a change with one
     * mistake changes nothing.
     *
     * @throws IllegalArgumentException naming every mistake
     */
    Map<String, String> apply(Map<?, ?> changes) {
        List<String> mistakes = new ArrayList<>();
        if (changes.isEmpty()) {
            mistakes.add("nothing to switch: send e.g. {\"dynamodb\": \"down\"}");
        }
        changes.forEach((name, value) -> {
            List<String> allowed = WRITES.containsKey(name) ? List.of("down", "slow", LOSE_NEXT_WRITE, "up")
                    : services.containsKey(name) ? List.of("down", "slow", "up")
                    : S3_EVENTS.equals(name) ? List.of("held", "up") : null;
            if (allowed == null) {
                mistakes.add("unknown service \"" + name + "\": use " + String.join(", ", state().keySet()));
            } else if (!allowed.contains(value)) {
                mistakes.add(name + " can be \"" + String.join("\" or \"", allowed) + "\", not " + quoted(value));
            }
        });
        if (!mistakes.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", mistakes));
        }
        changes.forEach((name, value) -> {
            if (S3_EVENTS.equals(name)) {
                if (value.equals("held")) {
                    s3Events.hold();
                } else {
                    s3Events.release();
                }
            } else if (value.equals("down")) {
                services.get(name).down();
            } else if (value.equals("slow")) {
                services.get(name).slow(SLOW_BY.get(name));
            } else if (value.equals(LOSE_NEXT_WRITE)) {
                services.get(name).up();
                services.get(name).loseNextAnswerTo(WRITES.get(name).toArray(String[]::new));
            } else {
                services.get(name).up();
            }
        });
        return state();
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}

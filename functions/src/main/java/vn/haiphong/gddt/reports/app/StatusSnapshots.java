package vn.haiphong.gddt.reports.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.files.StatusArchive;

/**
 * Keeps the status as it stood at each deadline ({@code status/<obligation>/<deadline>.json}, written
 * once, never replaced) and the latest full status ({@code status/latest.json}). Run on a schedule:
 * a run that comes late, or twice, writes the same thing, because the status at an instant is a
 * function of what was recorded by then.
 */
public final class StatusSnapshots {
    public static final String LATEST = "status/latest.json";

    public record Outcome(List<String> written, List<String> alreadyKept) {
    }

    private final Catalog catalog;
    private final StatusQuery status;
    private final StatusArchive archive;
    private final Clock clock;

    public StatusSnapshots(Catalog catalog, StatusQuery status, StatusArchive archive, Clock clock) {
        this.catalog = catalog;
        this.status = status;
        this.archive = archive;
        this.clock = clock;
    }

    public Outcome run() {
        Instant now = clock.instant();
        int year = VietnamTime.dateOf(now).getYear();
        List<String> written = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<Obligation> candidates = new ArrayList<>(catalog.obligationsOf(year - 1));
        candidates.addAll(catalog.obligationsOf(year));
        for (Obligation obligation : candidates) {
            if (obligation.due().isAfter(now)) {
                continue;
            }
            String key = keyOf(obligation);
            if (archive.exists(key)) {
                kept.add(key);
            } else if (archive.writeOnce(key, StatusDocument.of(status.all(List.of(obligation), obligation.due())))) {
                written.add(key);
            } else {
                kept.add(key);
            }
        }
        archive.write(LATEST, StatusDocument.of(status.all(catalog.obligationsOf(year), now)));
        return new Outcome(List.copyOf(written), List.copyOf(kept));
    }

    public static String keyOf(Obligation obligation) {
        return "status/" + obligation.id() + "/" + VietnamTime.iso(obligation.due()) + ".json";
    }
}

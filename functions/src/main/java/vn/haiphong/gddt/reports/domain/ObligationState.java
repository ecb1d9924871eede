package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Where one unit stands with one obligation at one instant (the states of API.md), and the one set of
 * words every place shows it in: the school's page, the dashboard, the e-mails and the workbook all get
 * them from here (as {@code stateText} and the status's {@code states}), so they cannot disagree.
 *
 * <p>Plain loops rather than streams here: these run for every row of a status, and each lambda costs
 * a class of its own the first time it runs, on a function's cold start.
 */
public enum ObligationState {
    NOT_OPEN("Chưa mở nhận", "chưa đến thời gian nhận báo cáo"),
    OPEN("Chưa nộp – còn hạn", "đang nhận báo cáo, đơn vị chưa nộp"),
    ON_TIME("Đúng hạn", "đã nộp trước hạn (kể cả hạn được gia hạn)"),
    LATE("Nộp muộn", "đã nộp nhưng sau hạn"),
    MISSING("Quá hạn – chưa nộp", "đã quá hạn mà chưa có tệp hợp lệ"),
    EXEMPT("Không phải nộp", "đơn vị này không phải nộp báo cáo này");

    /** Said instead of OPEN or MISSING while the Office's return of the unit's file is unanswered. */
    public static final String RETURNED_WORDS = "Bị trả lại – cần nộp lại";

    private final String words;
    private final String meaning;

    ObligationState(String words, String meaning) {
        this.words = words;
        this.meaning = meaning;
    }

    /** The state as people read it: "Quá hạn – chưa nộp". */
    public String words() {
        return words;
    }

    /** What the words mean, for a legend: "đã quá hạn mà chưa có tệp hợp lệ". */
    public String meaning() {
        return meaning;
    }

    /** The state against the obligation's own deadline (no extension). */
    public static ObligationState of(Obligation obligation, Unit unit, List<Submission> submissions,
                                     Instant asOf) {
        return of(obligation, unit, submissions, obligation.due(), asOf);
    }

    /**
     * A unit is on time when its first counted file arrived before its deadline (the obligation's,
     * or its extension's); a later file does not undo that. Only what had arrived by {@code asOf}
     * counts, so a past instant gives the state as it was then. Refused files never count, nor do
     * files the Office returned (see {@link #counted}): after a return the unit is OPEN or MISSING
     * again, and its next file is ON_TIME or LATE against the deadline that then applies.
     */
    public static ObligationState of(Obligation obligation, Unit unit, List<Submission> submissions,
                                     Instant dueForUnit, Instant asOf) {
        if (!obligation.owedBy(unit)) {
            return EXEMPT;
        }
        Optional<Submission> first = firstAccepted(submissions, asOf);
        if (first.isPresent()) {
            return first.get().receivedAt().isBefore(dueForUnit) ? ON_TIME : LATE;
        }
        return asOf.isBefore(obligation.opensAt()) ? NOT_OPEN : asOf.isBefore(dueForUnit) ? OPEN : MISSING;
    }

    static Optional<Submission> firstAccepted(List<Submission> submissions, Instant asOf) {
        List<Submission> counted = counted(submissions, asOf);
        return counted.isEmpty() ? Optional.empty() : Optional.of(counted.get(0));
    }

    /**
     * The files that count at {@code asOf}, in arrival order: accepted, arrived by then, and sent
     * after the newest file the Office had returned by then. A return applies from its
     * {@code returnedAt} on, so an earlier {@code asOf} still shows the old state (history does not
     * change); the returned file and every file the unit sent before it stop counting.
     */
    public static List<Submission> counted(List<Submission> submissions, Instant asOf) {
        List<Submission> arrived = arrived(submissions, asOf);
        int afterReturn = 0;
        for (int i = 0; i < arrived.size(); i++) {
            if (arrived.get(i).returnedAsOf(asOf)) {
                afterReturn = i + 1;
            }
        }
        return arrived.subList(afterReturn, arrived.size());
    }

    /** The newest file the Office had returned by {@code asOf}: why a unit is asked for a new one. */
    public static Optional<Submission> lastReturned(List<Submission> submissions, Instant asOf) {
        Submission newest = null;
        for (Submission s : arrived(submissions, asOf)) {
            if (s.returnedAsOf(asOf)) {
                newest = s;
            }
        }
        return Optional.ofNullable(newest);
    }

    /**
     * The newest file arrived by {@code asOf}, if it was refused: the Office sees that the unit tried
     * and why it did not count. A refusal followed by a counted file is old news.
     */
    public static Optional<Submission> lastRefused(List<Submission> submissions, Optional<Submission> latest,
                                                   Instant asOf) {
        Submission refused = null;
        for (Submission s : submissions) {
            if (!s.accepted() && !s.receivedAt().isAfter(asOf)
                    && (refused == null || Submission.ARRIVAL.compare(s, refused) > 0)) {
                refused = s;
            }
        }
        if (refused == null || latest.isPresent() && Submission.ARRIVAL.compare(refused, latest.get()) <= 0) {
            return Optional.empty();
        }
        return Optional.of(refused);
    }

    /** Accepted and arrived by {@code asOf}, in arrival order. */
    private static List<Submission> arrived(List<Submission> submissions, Instant asOf) {
        List<Submission> arrived = new ArrayList<>(submissions.size());
        for (Submission s : submissions) {
            if (s.accepted() && !s.receivedAt().isAfter(asOf)) {
                arrived.add(s);
            }
        }
        arrived.sort(Submission.ARRIVAL);
        return Collections.unmodifiableList(arrived);
    }
}

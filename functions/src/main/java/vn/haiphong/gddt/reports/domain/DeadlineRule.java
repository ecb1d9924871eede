package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How to read "trước ngày 10/6" — the plan names a day but no hour. One explicit setting, and the
 * schools are shown the words that go with it.
 */
public enum DeadlineRule {
    /** Literally "before 10 June": due at 00:00 Vietnam time on the named day. */
    BEFORE_NAMED_DAY {
        @Override
        public Instant dueInstant(LocalDate namedDay) {
            return VietnamTime.startOf(namedDay);
        }

        @Override
        public String wording(LocalDate namedDay) {
            return "trước ngày " + VietnamTime.date(namedDay);
        }
    },
    /** The lenient reading: anything received on the named day itself still counts. */
    END_OF_NAMED_DAY {
        @Override
        public Instant dueInstant(LocalDate namedDay) {
            return VietnamTime.startOf(namedDay.plusDays(1));
        }

        @Override
        public String wording(LocalDate namedDay) {
            return "đến hết ngày " + VietnamTime.date(namedDay);
        }
    };

    /** The first instant at which a submission no longer counts as on time (before any grace). */
    public abstract Instant dueInstant(LocalDate namedDay);

    public abstract String wording(LocalDate namedDay);
}

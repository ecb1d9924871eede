package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.reports.domain.Fixtures.VN;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of reminder plans for generated obligations: a named day anywhere in 2025–2026, both
 * deadline rules, with or without grace, opening 0–60 days (and odd hours) before, with or without a
 * lock, with or without an extension, under the default or a generated schedule. Expected days are
 * read off the definitions in {@link ReminderPlan}'s Javadoc, using {@link Fixtures#VN} for dates.
 */
@Label("Properties of reminder plans")
class ReminderPlanPropertiesTest {
    private static final WorkingDays DAYS = WorkingDays.vietnam();
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 12, 31);
    private static final int TRIES = 1500;

    record Case(Obligation obligation, Instant dueForUnit, ReminderSchedule schedule) {
        List<ReminderStage> plan() {
            return ReminderPlan.stages(obligation, dueForUnit, schedule, DAYS);
        }

        LocalDate lastOnTimeDay() {
            return dueForUnit.minusNanos(1).atZone(VN).toLocalDate();
        }

        /** D: the day after L for a midnight deadline read "trước ngày", else L itself. */
        LocalDate deadlineDay() {
            boolean beforeReading = atMidnight(obligation.due())
                    && obligation.due().atZone(VN).toLocalDate().equals(obligation.namedDay());
            return atMidnight(dueForUnit) && beforeReading ? lastOnTimeDay().plusDays(1) : lastOnTimeDay();
        }

        LocalDate openDay() {
            return DAYS.onOrAfter(obligation.opensAt().atZone(VN).toLocalDate());
        }

        Optional<LocalDate> lockDay() {
            return obligation.locksAt().map(l -> l.isBefore(dueForUnit) ? dueForUnit : l)
                    .map(l -> l.atZone(VN).toLocalDate());
        }

        @Override
        public String toString() {
            return "named " + obligation.namedDay() + " due " + obligation.due() + " opens " + obligation.opensAt()
                    + " locks " + obligation.locksAt() + " dueForUnit " + dueForUnit + " schedule " + schedule.spec();
        }
    }

    private static boolean atMidnight(Instant t) {
        return t.atZone(VN).toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<LocalDate> namedDays = Arbitraries.longs().between(0, ChronoUnit.DAYS.between(FIRST, LAST))
                .map(FIRST::plusDays);
        Arbitrary<DeadlineRule> rules = Arbitraries.of(DeadlineRule.class);
        Arbitrary<Duration> graces = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Duration.ZERO)),
                Tuple.of(2, Arbitraries.longs().between(1, 48 * 60).map(Duration::ofMinutes)),
                Tuple.of(1, Arbitraries.of(Duration.ofHours(12), Duration.ofDays(1))));
        Arbitrary<Duration> openBefore = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(0, 60).map(Duration::ofDays)),
                Tuple.of(2, Arbitraries.longs().between(0, 60 * 24).map(Duration::ofHours)),
                Tuple.of(1, Arbitraries.just(Duration.ofDays(30))));
        Arbitrary<Optional<Duration>> lockAfter = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Optional.<Duration>empty())),
                Tuple.of(2, Arbitraries.longs().between(0, 120).map(d -> Optional.of(Duration.ofDays(d)))),
                Tuple.of(1, Arbitraries.longs().between(0, 120 * 24).map(h -> Optional.of(Duration.ofHours(h)))));
        Arbitrary<Optional<Duration>> extension = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Optional.<Duration>empty())),
                Tuple.of(2, Arbitraries.longs().between(1, 60).map(d -> Optional.of(Duration.ofDays(d)))),
                Tuple.of(1, Arbitraries.longs().between(1, 60 * 24 * 60).map(m -> Optional.of(Duration.ofMinutes(m)))));
        Arbitrary<ReminderSchedule> schedules = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(ReminderSchedule.defaults())),
                Tuple.of(2, schedules()));
        return Combinators.combine(namedDays, rules, graces, openBefore, lockAfter, extension, schedules)
                .as((named, rule, grace, open, lock, ext, schedule) -> {
                    Instant due = rule.dueInstant(named).plus(grace);
                    Obligation o = new Obligation(Fixtures.QCDC, new Period(named.getYear(), PeriodKind.H1), named,
                            rule.wording(named), due.minus(open), due, lock.map(due::plus));
                    return new Case(o, ext.map(due::plus).orElse(due), schedule);
                });
    }

    private static Arbitrary<ReminderSchedule> schedules() {
        Arbitrary<List<Integer>> before = Arbitraries.integers().between(1, 30).set().ofMaxSize(5)
                .map(ArrayList::new);
        Arbitrary<List<Integer>> after = Arbitraries.integers().between(1, 20).set().ofMaxSize(3)
                .map(ArrayList::new);
        return Combinators.combine(Arbitraries.of(true, false), before, Arbitraries.of(true, false), after,
                        Arbitraries.integers().between(0, 14), Arbitraries.integers().between(1, 200))
                .as(ReminderSchedule::new);
    }

    @Property(tries = TRIES)
    @Label("send days strictly increase, are working days and never come before OPEN's day")
    void send_days_strictly_increase_on_working_days_from_the_opening(@ForAll("cases") Case c) {
        List<ReminderStage> plan = c.plan();

        for (int i = 1; i < plan.size(); i++) {
            assertThat(plan.get(i).sendOn()).isAfter(plan.get(i - 1).sendOn());
        }
        for (ReminderStage s : plan) {
            assertThat(DAYS.isWorkingDay(s.sendOn())).as(s.toString()).isTrue();
            assertThat(s.sendOn()).as(s.toString()).isAfterOrEqualTo(c.openDay());
        }
        assertThat(plan).extracting(ReminderStage::id).doesNotHaveDuplicates();
        Statistics.label("stages").collect(plan.size() < 5 ? "<5" : plan.size() < 12 ? "5-11" : "12+");
    }

    @Property(tries = TRIES)
    @Label("stages before the deadline go out on or before the last on-time day, the others after D")
    void before_stages_are_sent_on_or_before_L_and_overdue_stages_after_D(@ForAll("cases") Case c) {
        LocalDate last = c.lastOnTimeDay();
        LocalDate d = c.deadlineDay();

        for (ReminderStage s : c.plan()) {
            assertThat(s.daysToDeadline()).isEqualTo(ChronoUnit.DAYS.between(s.sendOn(), last));
            assertThat(s.beforeDeadline()).isEqualTo(!s.sendOn().isAfter(last));
            if (s.id().startsWith("D-") || s.id().equals("D0")) {
                assertThat(s.sendOn()).as(s.toString()).isBeforeOrEqualTo(last);
                assertThat(s.beforeDeadline()).isTrue();
            } else if (s.id().startsWith("D+")) {
                assertThat(s.sendOn()).as(s.toString()).isAfter(d);
                assertThat(s.beforeDeadline()).isFalse();
            } else {
                // OPEN comes after L only when the obligation opens after its last on-time working day.
                Statistics.label("OPEN after L").collect(s.sendOn().isAfter(last));
                if (s.sendOn().isAfter(last)) {
                    assertThat(c.openDay()).isAfter(last);
                }
            }
        }
    }

    @Property(tries = TRIES)
    @Label("D0 exists only when the unit can still submit on D")
    void d0_only_when_the_deadline_day_is_an_on_time_day(@ForAll("cases") Case c) {
        boolean hasD0 = c.plan().stream().anyMatch(s -> s.id().equals("D0"));

        if (hasD0) {
            assertThat(c.deadlineDay()).isEqualTo(c.lastOnTimeDay());
            assertThat(c.schedule().onDeadlineDay()).isTrue();
        }
        Statistics.label("D = L").collect(c.deadlineDay().equals(c.lastOnTimeDay()));
    }

    @Property(tries = TRIES)
    @Label("overdue stages stop before the lock's day, or after maxOverdueDays without a lock")
    void overdue_stages_stop_at_the_lock_or_the_maximum(@ForAll("cases") Case c) {
        LocalDate d = c.deadlineDay();
        for (ReminderStage s : c.plan()) {
            if (!s.id().startsWith("D+")) {
                continue;
            }
            int k = Integer.parseInt(s.id().substring(2));
            Optional<LocalDate> lock = c.lockDay();
            if (lock.isPresent()) {
                assertThat(d.plusDays(k)).isBefore(lock.get());
                assertThat(s.sendOn()).isBefore(lock.get());
            } else {
                assertThat(k).isLessThanOrEqualTo(c.schedule().maxOverdueDays());
            }
        }
    }

    @Property(tries = TRIES)
    @Label("the plan is exactly the Javadoc's stages, one per send day, the more urgent kept")
    void the_plan_is_the_defined_stages_with_the_more_urgent_kept_on_a_shared_day(@ForAll("cases") Case c) {
        assertThat(c.plan()).extracting(st -> st.id() + " on " + st.sendOn())
                .containsExactlyElementsOf(expected(c).stream().map(e -> e.id() + " on " + e.sendOn()).toList());
    }

    /** A candidate stage as the Javadoc defines it; rank orders urgency (OPEN least, then by day). */
    private record Expected(String id, LocalDate sendOn, long rank) {
    }

    private static List<Expected> expected(Case c) {
        ReminderSchedule s = c.schedule();
        LocalDate d = c.deadlineDay();
        LocalDate openDay = c.openDay();
        List<Expected> all = new ArrayList<>();
        if (s.onOpen()) {
            all.add(new Expected("OPEN", openDay, Long.MIN_VALUE));
        }
        for (int k : s.daysBefore()) {
            all.add(new Expected("D-" + k, DAYS.onOrBefore(d.minusDays(k)), -k));
        }
        if (s.onDeadlineDay() && d.equals(c.lastOnTimeDay())) {
            all.add(new Expected("D0", DAYS.onOrBefore(d), 0));
        }
        Set<Integer> after = new HashSet<>(s.daysAfter());
        int last = s.daysAfter().stream().max(Integer::compare).orElse(0);
        if (s.repeatEvery() > 0) {
            for (int k = last + s.repeatEvery(); k <= 3000; k += s.repeatEvery()) {
                after.add(k);
            }
        }
        for (int k : after) {
            LocalDate day = d.plusDays(k);
            LocalDate sendOn = DAYS.onOrAfter(day);
            boolean kept = c.lockDay()
                    .map(lock -> day.isBefore(lock) && sendOn.isBefore(lock))
                    .orElse(k <= s.maxOverdueDays());
            if (kept) {
                all.add(new Expected("D+" + k, sendOn, k));
            }
        }
        TreeMap<LocalDate, Expected> byDay = new TreeMap<>();
        all.stream().filter(e -> !e.sendOn().isBefore(openDay))
                .forEach(e -> byDay.merge(e.sendOn(), e, (a, b) -> a.rank() >= b.rank() ? a : b));
        return new ArrayList<>(byDay.values());
    }

    @Property(tries = TRIES)
    @Label("dueOn gives the latest stage sent on or before the day, and nothing before the first")
    void due_on_is_the_latest_stage_not_after_today(@ForAll("cases") Case c) {
        List<ReminderStage> plan = c.plan();
        if (plan.isEmpty()) {
            assertThat(ReminderPlan.dueOn(plan, c.openDay())).isEmpty();
            return;
        }
        LocalDate from = plan.get(0).sendOn().minusDays(3);
        LocalDate to = plan.get(plan.size() - 1).sendOn().plusDays(3);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate today = day;
            Optional<ReminderStage> expected = plan.stream().filter(s -> !s.sendOn().isAfter(today))
                    .max(Comparator.comparing(ReminderStage::sendOn));
            assertThat(ReminderPlan.dueOn(plan, today)).as(today.toString()).isEqualTo(expected);
        }
        assertThat(ReminderPlan.dueOn(plan, c.openDay().minusDays(1))).isEmpty();
    }

    @Property(tries = TRIES)
    @Label("digest days are the stage days of the obligation's own deadline plus D, in order")
    void digest_days_are_the_stage_days_plus_d(@ForAll("cases") Case c) {
        Obligation o = c.obligation();
        List<LocalDate> digest = ReminderPlan.digestDays(o, c.schedule(), DAYS);

        Set<LocalDate> expected = new HashSet<>();
        ReminderPlan.stages(o, o.due(), c.schedule(), DAYS).forEach(s -> expected.add(s.sendOn()));
        expected.add(DAYS.onOrAfter(new Case(o, o.due(), c.schedule()).deadlineDay()));
        assertThat(digest).containsExactlyInAnyOrderElementsOf(expected).isSorted().doesNotHaveDuplicates();
        assertThat(digest).allMatch(DAYS::isWorkingDay);
    }

    @Property(tries = 500)
    @Label("a schedule reads back from its own spec")
    void a_schedule_reads_back_from_its_spec(@ForAll("scheduleSpecs") ReminderSchedule s) {
        assertThat(ReminderSchedule.parse(s.spec())).isEqualTo(s);
    }

    @Provide
    Arbitrary<ReminderSchedule> scheduleSpecs() {
        return schedules().filter(s -> s.onOpen() || s.onDeadlineDay() || !s.daysBefore().isEmpty()
                || !s.daysAfter().isEmpty() || s.repeatEvery() > 0);
    }
}

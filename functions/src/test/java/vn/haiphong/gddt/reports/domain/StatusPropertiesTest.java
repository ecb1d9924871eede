package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * Properties of the status over generated units (every category, some closed before or opened after
 * the named day), files (around the deadline, some refused), extensions (granted and revoked at
 * random) and instants. The expectations are read from the rules in {@link ObligationStatus}'s
 * Javadoc, not from its code.
 */
@Label("Properties of the status")
class StatusPropertiesTest {
    private static final Obligation O = StatusFixtures.qcdcH1();
    private static final Instant DUE = O.due();
    private static final LocalDate NAMED_DAY = O.namedDay();
    private static final long DAY = Duration.ofDays(1).toSeconds();
    /** Each try builds a world of up to 20 units; 500 worlds per property keep the suite quick. */
    private static final int TRIES = 500;
    private static final Set<ObligationState> SUBMITTED = EnumSet.of(ObligationState.ON_TIME, ObligationState.LATE);
    private static final List<String> NAMES = List.of(
            "Trường THPT An Dương", "Trường THPT Âu Cơ", "Trường THPT Ăng Ka", "Trường THPT Bạch Đằng",
            "Trường THPT Dương Kinh", "Trường THPT Đồ Sơn", "Trường THPT Đồng Hòa", "Trường THPT Trần Phú",
            "Phòng GDĐT quận Lê Chân", "Phòng Tổ chức cán bộ", "Văn phòng Sở", "Trung tâm GDNN-GDTX huyện An Lão",
            "Trường TH, THCS và THPT Chu Văn An", "trường thpt trần phú", "Trường THPT Ma", "Trường THPT Mạ");

    // ------------------------------------------------------------------ the generated world

    record FileSpec(long secondsFromDue, boolean refused) {
    }

    record ExtensionSpec(long untilSecondsAfterDue, long grantedSecondsFromDue, Optional<Long> revokedSecondsLater) {
    }

    record UnitSpec(UnitCategory category, String name, Integer activeFromDays, Integer activeUntilDays,
                    List<FileSpec> files, List<ExtensionSpec> extensions) {
    }

    /** The inputs of {@link ObligationStatus#of}, plus every instant at which something happened. */
    record World(List<Unit> units, List<Submission> submissions, List<Extension> extensions) {
        static World of(List<UnitSpec> specs) {
            List<Unit> units = new ArrayList<>();
            List<Submission> submissions = new ArrayList<>();
            List<Extension> extensions = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                UnitSpec spec = specs.get(i);
                String id = "don-vi-" + i;
                LocalDate from = spec.activeFromDays() == null ? null : NAMED_DAY.plusDays(spec.activeFromDays());
                LocalDate until = spec.activeUntilDays() == null ? null : NAMED_DAY.plusDays(spec.activeUntilDays());
                if (from != null && until != null && until.isBefore(from)) {
                    LocalDate swap = from;
                    from = until;
                    until = swap;
                }
                units.add(StatusFixtures.unit(id, spec.name(), spec.category(), from, until));
                for (FileSpec f : spec.files()) {
                    Instant at = DUE.plusSeconds(f.secondsFromDue());
                    submissions.add(f.refused() ? StatusFixtures.refused(id, at) : StatusFixtures.accepted(id, at));
                }
                for (ExtensionSpec e : spec.extensions()) {
                    Instant until2 = DUE.plusSeconds(e.untilSecondsAfterDue());
                    Instant granted = DUE.plusSeconds(e.grantedSecondsFromDue());
                    extensions.add(e.revokedSecondsLater()
                            .map(later -> StatusFixtures.revoked(id, until2, granted, granted.plusSeconds(later)))
                            .orElseGet(() -> StatusFixtures.extension(id, until2, granted)));
                }
            }
            return new World(List.copyOf(units), List.copyOf(submissions), List.copyOf(extensions));
        }

        ObligationStatus statusAt(Instant asOf) {
            return ObligationStatus.of(O, units, submissions, extensions, asOf);
        }

        List<Instant> eventInstants() {
            List<Instant> all = new ArrayList<>(List.of(DUE, O.opensAt()));
            submissions.forEach(s -> all.add(s.receivedAt()));
            extensions.forEach(e -> {
                all.add(e.grantedAt());
                all.add(e.until());
                e.revokedAt().ifPresent(all::add);
            });
            return all;
        }

        /** Whether an extension of this unit was granted or revoked in (a, b]: the only way its deadline moves. */
        boolean extensionChangedBetween(String unitId, Instant a, Instant b) {
            return extensions.stream().filter(e -> e.unitId().equals(unitId))
                    .flatMap(e -> Stream.concat(Stream.of(e.grantedAt()), e.revokedAt().stream()))
                    .anyMatch(t -> t.isAfter(a) && !t.isAfter(b));
        }
    }

    record Case(World world, Instant a, Instant b) {
        @Override
        public String toString() {
            return "asOf a=" + a + " b=" + b + " units=" + world.units().size() + "\n units=" + world.units()
                    + "\n submissions=" + world.submissions() + "\n extensions=" + world.extensions();
        }
    }

    private static Arbitrary<Long> secondsAroundTheDeadline(long days) {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.longs().between(-days * DAY, days * DAY)),
                Tuple.of(2, Arbitraries.longs().between(-120, 120)),
                Tuple.of(1, Arbitraries.of(-1L, 0L, 1L)));
    }

    private static Arbitrary<UnitSpec> unitSpecs() {
        Arbitrary<FileSpec> file = Combinators.combine(
                secondsAroundTheDeadline(40),
                Arbitraries.integers().between(0, 3).map(i -> i == 0)).as(FileSpec::new);
        Arbitrary<ExtensionSpec> extension = Combinators.combine(
                Arbitraries.longs().between(1, 20 * DAY),
                secondsAroundTheDeadline(12),
                Arbitraries.longs().between(1, 10 * DAY).injectNull(0.6).map(Optional::ofNullable))
                .as(ExtensionSpec::new);
        return Combinators.combine(
                Arbitraries.of(UnitCategory.class),
                Arbitraries.of(NAMES),
                Arbitraries.integers().between(-60, 60).injectNull(0.6),
                Arbitraries.integers().between(-60, 60).injectNull(0.6),
                // receivedAt and grantedAt are unique per unit, as storage events and the ledger's keys are
                file.list().ofMaxSize(4).uniqueElements(FileSpec::secondsFromDue),
                extension.list().ofMaxSize(3).uniqueElements(ExtensionSpec::grantedSecondsFromDue))
                .as(UnitSpec::new);
    }

    private static Arbitrary<Instant> instantsFor(World world) {
        Arbitrary<Instant> anywhere = secondsAroundTheDeadline(50).map(DUE::plusSeconds);
        Arbitrary<Instant> nearAnEvent = Combinators.combine(
                Arbitraries.of(world.eventInstants()), Arbitraries.longs().between(-1, 1))
                .as(Instant::plusNanos);
        return Arbitraries.frequencyOf(Tuple.of(3, anywhere), Tuple.of(2, nearAnEvent));
    }

    @Provide
    Arbitrary<Case> cases() {
        return unitSpecs().list().ofMaxSize(20).map(World::of).flatMap(world ->
                Combinators.combine(instantsFor(world), instantsFor(world)).as((x, y) ->
                        x.isAfter(y) ? new Case(world, y, x) : new Case(world, x, y)));
    }

    // ------------------------------------------------------------------ a plain reading of the rules

    private static boolean existedOnNamedDay(Unit u) {
        boolean started = u.activeFrom() == null || u.activeFrom().compareTo(NAMED_DAY) <= 0;
        boolean notYetClosed = u.activeUntil() == null || u.activeUntil().compareTo(NAMED_DAY) >= 0;
        return started && notYetClosed;
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0.0
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP).doubleValue();
    }

    /** What the row of {@code unit} must say, worked out from the rules one by one. */
    private static void assertRowFollowsTheRules(World world, UnitStatus row, Instant asOf) {
        Unit unit = row.unit();
        List<Submission> counted = world.submissions().stream()
                .filter(s -> s.unitId().equals(unit.id()))
                .filter(s -> s.refusal().isEmpty())
                .filter(s -> s.receivedAt().compareTo(asOf) <= 0)
                .sorted(Comparator.comparing(Submission::receivedAt))
                .toList();
        Optional<Extension> inForce = world.extensions().stream()
                .filter(e -> e.unitId().equals(unit.id()))
                .filter(e -> e.grantedAt().compareTo(asOf) <= 0)
                .filter(e -> e.revokedAt().isEmpty() || e.revokedAt().get().compareTo(asOf) > 0)
                .reduce((x, y) -> y.grantedAt().isAfter(x.grantedAt()) ? y : x);
        Instant due = inForce.map(Extension::until).orElse(DUE);

        ObligationState expected;
        if (unit.category() == UnitCategory.PHONG_SO) {
            expected = ObligationState.EXEMPT;
        } else if (!counted.isEmpty()) {
            expected = counted.get(0).receivedAt().compareTo(due) < 0 ? ObligationState.ON_TIME : ObligationState.LATE;
        } else if (asOf.compareTo(O.opensAt()) < 0) {
            expected = ObligationState.NOT_OPEN;
        } else if (asOf.compareTo(due) < 0) {
            expected = ObligationState.OPEN;
        } else {
            expected = ObligationState.MISSING;
        }

        assertThat(row.state()).as("state of %s", unit.id()).isEqualTo(expected);
        assertThat(row.dueForUnit()).as("dueForUnit of %s", unit.id()).isEqualTo(due);
        assertThat(row.extension()).as("extension of %s", unit.id()).isEqualTo(inForce);
        assertThat(row.submissions()).as("submissions of %s", unit.id()).isEqualTo(counted.size());
        assertThat(row.submittedAt()).as("submittedAt of %s", unit.id())
                .isEqualTo(counted.stream().findFirst().map(Submission::receivedAt));
        assertThat(row.latest()).as("latest of %s", unit.id())
                .isEqualTo(counted.isEmpty() ? Optional.empty() : Optional.of(counted.get(counted.size() - 1)));
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = TRIES)
    @Label("every row follows the rules: state, deadline, extension, first arrival, count and latest file")
    void every_row_follows_the_rules(@ForAll("cases") Case c) {
        ObligationStatus status = c.world().statusAt(c.a());

        for (UnitStatus row : status.units()) {
            assertRowFollowsTheRules(c.world(), row, c.a());
            Statistics.label("state").collect(row.state());
        }
        Statistics.label("state").coverage(checker -> {
            for (ObligationState state : ObligationState.values()) {
                checker.check(state).count(n -> n > 0);
            }
        });
    }

    @Property(tries = TRIES)
    @Label("the units listed are exactly those that existed on the named day, each once")
    void exactly_the_units_that_existed_on_the_named_day_are_listed(@ForAll("cases") Case c) {
        ObligationStatus status = c.world().statusAt(c.a());

        List<String> expected = c.world().units().stream().filter(StatusPropertiesTest::existedOnNamedDay)
                .map(Unit::id).toList();
        assertThat(status.units()).extracting(r -> r.unit().id()).containsExactlyInAnyOrderElementsOf(expected);
        Statistics.label("some unit left out")
                .collect(expected.size() < c.world().units().size());
    }

    @Property(tries = TRIES)
    @Label("the counts add up: onTime + late + missing + notDue = expected and expected + exempt = rows")
    void the_counts_add_up(@ForAll("cases") Case c) {
        ObligationStatus status = c.world().statusAt(c.a());
        StatusSummary s = status.summary();

        assertThat(s.onTime() + s.late() + s.missing() + s.notDue()).isEqualTo(s.expected());
        assertThat(s.expected() + s.exempt()).isEqualTo(status.units().size());
        Map<ObligationState, Long> byState = status.units().stream()
                .collect(Collectors.groupingBy(UnitStatus::state, Collectors.counting()));
        assertThat(s.onTime()).isEqualTo(byState.getOrDefault(ObligationState.ON_TIME, 0L).intValue());
        assertThat(s.late()).isEqualTo(byState.getOrDefault(ObligationState.LATE, 0L).intValue());
        assertThat(s.missing()).isEqualTo(byState.getOrDefault(ObligationState.MISSING, 0L).intValue());
        assertThat(s.notDue()).isEqualTo(byState.getOrDefault(ObligationState.NOT_OPEN, 0L).intValue()
                + byState.getOrDefault(ObligationState.OPEN, 0L).intValue());
        assertThat(s.exempt()).isEqualTo(byState.getOrDefault(ObligationState.EXEMPT, 0L).intValue());
    }

    @Property(tries = TRIES)
    @Label("rates are (onTime + late) / expected and onTime / expected to three decimals, 0 ≤ timeliness ≤ completeness ≤ 1")
    void the_rates_are_bounded_and_completeness_is_at_least_timeliness(@ForAll("cases") Case c) {
        StatusSummary s = c.world().statusAt(c.a()).summary();

        assertThat(s.completeness()).isEqualTo(rate(s.onTime() + s.late(), s.expected()));
        assertThat(s.timeliness()).isEqualTo(rate(s.onTime(), s.expected()));
        assertThat(s.timeliness()).isBetween(0.0, 1.0);
        assertThat(s.completeness()).isBetween(0.0, 1.0);
        assertThat(s.completeness()).isGreaterThanOrEqualTo(s.timeliness());
    }

    @Property(tries = TRIES)
    @Label("there is one summary per category present, each of that category's rows, adding up to the total")
    void each_category_summary_is_the_summary_of_its_rows(@ForAll("cases") Case c) {
        ObligationStatus status = c.world().statusAt(c.a());

        Map<UnitCategory, List<UnitStatus>> rowsByCategory = new EnumMap<>(UnitCategory.class);
        status.units().forEach(r -> rowsByCategory.computeIfAbsent(r.unit().category(), k -> new ArrayList<>()).add(r));
        assertThat(status.byCategory().keySet()).containsExactlyElementsOf(rowsByCategory.keySet());
        rowsByCategory.forEach((category, rows) ->
                assertThat(status.byCategory().get(category)).as("%s", category).isEqualTo(StatusSummary.of(rows)));
        List<StatusSummary> parts = List.copyOf(status.byCategory().values());
        StatusSummary total = status.summary();
        assertThat(parts.stream().mapToInt(StatusSummary::expected).sum()).isEqualTo(total.expected());
        assertThat(parts.stream().mapToInt(StatusSummary::onTime).sum()).isEqualTo(total.onTime());
        assertThat(parts.stream().mapToInt(StatusSummary::late).sum()).isEqualTo(total.late());
        assertThat(parts.stream().mapToInt(StatusSummary::missing).sum()).isEqualTo(total.missing());
        assertThat(parts.stream().mapToInt(StatusSummary::notDue).sum()).isEqualTo(total.notDue());
        assertThat(parts.stream().mapToInt(StatusSummary::exempt).sum()).isEqualTo(total.exempt());
    }

    @Property(tries = TRIES)
    @Label("rows come in the plan's order of categories")
    void rows_come_in_the_plans_order_of_categories(@ForAll("cases") Case c) {
        List<UnitCategory> categories = c.world().statusAt(c.a()).units().stream()
                .map(r -> r.unit().category()).toList();

        assertThat(categories).isSortedAccordingTo(Comparator.comparingInt(UnitCategory::ordinal));
    }

    @Property(tries = TRIES)
    @Label("a later instant never un-submits: ON_TIME or LATE at a stays ON_TIME or LATE at b, with the same first arrival")
    void a_later_instant_never_unsubmits(@ForAll("cases") Case c) {
        Map<String, UnitStatus> atA = byId(c.world().statusAt(c.a()));
        Map<String, UnitStatus> atB = byId(c.world().statusAt(c.b()));

        assertThat(atB.keySet()).isEqualTo(atA.keySet());
        atA.forEach((id, then) -> {
            UnitStatus later = atB.get(id);
            if (SUBMITTED.contains(then.state())) {
                assertThat(later.state()).as("%s at b after %s at a", id, then.state()).isIn(SUBMITTED);
                assertThat(later.submittedAt()).isEqualTo(then.submittedAt());
            }
            if (then.state() == ObligationState.EXEMPT) {
                assertThat(later.state()).isEqualTo(ObligationState.EXEMPT);
            }
            assertThat(later.submissions()).isGreaterThanOrEqualTo(then.submissions());
            Statistics.label("state at a -> state at b").collect(then.state() + " -> " + later.state());
        });
        Statistics.label("state at a -> state at b").coverage(checker -> {
            checker.check("ON_TIME -> ON_TIME").count(n -> n > 0);
            checker.check("LATE -> LATE").count(n -> n > 0);
            checker.check("OPEN -> ON_TIME").count(n -> n > 0);
            checker.check("MISSING -> LATE").count(n -> n > 0);
        });
    }

    @Property(tries = TRIES)
    @Label("with no extension granted or revoked between a and b, ON_TIME and LATE stay put and MISSING never reopens")
    void without_a_change_of_extension_the_verdict_stands(@ForAll("cases") Case c) {
        Map<String, UnitStatus> atA = byId(c.world().statusAt(c.a()));
        Map<String, UnitStatus> atB = byId(c.world().statusAt(c.b()));

        atA.forEach((id, then) -> {
            if (c.world().extensionChangedBetween(id, c.a(), c.b())) {
                Statistics.label("extension changed in between").collect(true);
                return;
            }
            Statistics.label("extension changed in between").collect(false);
            UnitStatus later = atB.get(id);
            switch (then.state()) {
                case ON_TIME -> assertThat(later.state()).as(id).isEqualTo(ObligationState.ON_TIME);
                case LATE -> assertThat(later.state()).as(id).isEqualTo(ObligationState.LATE);
                case MISSING -> assertThat(later.state()).as(id).isIn(ObligationState.MISSING, ObligationState.LATE);
                case OPEN -> assertThat(later.state()).as(id).isNotEqualTo(ObligationState.NOT_OPEN);
                default -> {
                }
            }
            assertThat(later.dueForUnit()).as(id).isEqualTo(then.dueForUnit());
        });
    }

    @Property(tries = TRIES)
    @Label("the status does not depend on the order of the units, files and extensions given")
    void the_status_does_not_depend_on_input_order(@ForAll("cases") Case c, @ForAll Random random) {
        List<Unit> units = new ArrayList<>(c.world().units());
        List<Submission> submissions = new ArrayList<>(c.world().submissions());
        List<Extension> extensions = new ArrayList<>(c.world().extensions());
        Collections.shuffle(units, random);
        Collections.shuffle(submissions, random);
        Collections.shuffle(extensions, random);

        assertThat(ObligationStatus.of(O, units, submissions, extensions, c.a())).isEqualTo(c.world().statusAt(c.a()));
    }

    @Property(tries = TRIES)
    @Label("the Office's row of a unit is the row the unit sees on its own page")
    void the_offices_row_is_the_units_own_row(@ForAll("cases") Case c) {
        World w = c.world();

        for (UnitStatus row : w.statusAt(c.a()).units()) {
            String id = row.unit().id();
            UnitStatus own = ObligationStatus.row(O, row.unit(),
                    w.submissions().stream().filter(s -> s.unitId().equals(id)).toList(),
                    w.extensions().stream().filter(e -> e.unitId().equals(id)).toList(), c.a());
            assertThat(own).isEqualTo(row);
        }
    }

    // ------------------------------------------------------------------ Vietnamese order of names

    private static final String VIETNAMESE_LETTERS =
            "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
                    + "AÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬBCDĐEÈẺẼÉẸÊỀỂỄẾỆGHIÌỈĨÍỊKLMNOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢPQRSTUÙỦŨÚỤƯỪỬỮỨỰVXYỲỶỸÝỴ";

    /**
     * Directory order, as a reference: word by word on the letters alone (the JDK's Vietnamese
     * collation at primary strength: ă â đ ê ô ơ ư are letters of their own, tones and case are
     * not), then, when every word ties, the full collation (tones ngang huyền hỏi ngã sắc nặng,
     * then case). Checked against CLDR's vi collation while writing this test.
     */
    private static int directoryOrder(String x, String y) {
        Collator full = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
        Collator letters = (Collator) full.clone();
        letters.setStrength(Collator.PRIMARY);
        String[] a = x.split(" ");
        String[] b = y.split(" ");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = letters.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return a.length != b.length ? Integer.compare(a.length, b.length) : full.compare(x, y);
    }

    @Provide
    Arbitrary<List<Unit>> unitsWithVietnameseNames() {
        Arbitrary<String> word = Arbitraries.strings().withChars(VIETNAMESE_LETTERS).ofMinLength(1).ofMaxLength(4);
        Arbitrary<String> name = word.list().ofMinSize(1).ofMaxSize(3).map(words -> "Trường " + String.join(" ", words));
        Arbitrary<UnitCategory> category = Arbitraries.of(UnitCategory.THPT, UnitCategory.PHONG_GDDT);
        return Combinators.combine(category, name).as((c, n) -> Tuple.of(c, n)).list().ofMinSize(2).ofMaxSize(12)
                .map(specs -> {
                    List<Unit> units = new ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        units.add(StatusFixtures.unit("don-vi-" + i, specs.get(i).get2(), specs.get(i).get1()));
                    }
                    return units;
                });
    }

    @Property(tries = TRIES)
    @Label("within a category, rows are in Vietnamese directory order: word by word, letters before tones")
    void within_a_category_rows_are_in_vietnamese_directory_order(
            @ForAll("unitsWithVietnameseNames") List<Unit> units) {
        List<UnitStatus> rows = ObligationStatus.of(O, units, List.of(), List.of(), DUE).units();

        for (int i = 1; i < rows.size(); i++) {
            Unit before = rows.get(i - 1).unit();
            Unit after = rows.get(i).unit();
            if (before.category() == after.category()) {
                assertThat(directoryOrder(before.name(), after.name()))
                        .as("\"%s\" is listed before \"%s\"", before.name(), after.name())
                        .isLessThanOrEqualTo(0);
            }
        }
    }

    private static Map<String, UnitStatus> byId(ObligationStatus status) {
        return status.units().stream().collect(Collectors.toMap(r -> r.unit().id(), r -> r));
    }
}

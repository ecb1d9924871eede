package vn.haiphong.gddt.reports.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What importing the Office's unit list would change in the stored one, worked out before anything
 * is written, so the Office sees exactly that and applying it twice is the same as once.
 *
 * <p>Rules: a unit is never deleted (past periods keep the units that existed then); a unit missing
 * from the file is only a warning unless {@code closeMissing}, which closes it at the end of the day
 * before {@code today}; a date column the file does not have keeps the stored dates, so a list without
 * dates cannot reopen merged units; the token version is always the stored one.
 *
 * @param errors why the whole list must be refused (a closing day before the opening day once the
 *               file is merged with what is stored); when not empty, nothing may be applied
 */
public record UnitListChanges(List<Change> changes, List<Unit> notInFile, int unchanged, List<String> errors) {

    public enum Field {
        NAME(Unit::name),
        CATEGORY(Unit::category),
        EMAILS(Unit::emails),
        EFFECTIVE_FROM(Unit::activeFrom),
        EFFECTIVE_TO(Unit::activeUntil);

        private final Function<Unit, Object> value;

        Field(Function<Unit, Object> value) {
            this.value = value;
        }

        public Object of(Unit unit) {
            return value.apply(unit);
        }

        /** The columns every unit list has; the two dates are optional. */
        public static final Set<Field> ALWAYS = Set.of(NAME, CATEGORY, EMAILS);
    }

    public enum Kind {
        ADDED, UPDATED, CLOSED, REOPENED
    }

    /** One field's value before and after; either may be null (an open-ended date). */
    public record FieldChange(Field field, Object before, Object after) {
    }

    /** {@code before} is null for an added unit. */
    public record Change(Kind kind, Unit before, Unit after, List<FieldChange> fields) {
    }

    public UnitListChanges {
        changes = List.copyOf(changes);
        notInFile = List.copyOf(notInFile);
        errors = List.copyOf(errors);
    }

    /**
     * @param stored     the units in the table now
     * @param file       the units read from the Office's file (ids unique, token versions ignored)
     * @param fileFields the fields the file has columns for
     * @param today      the Vietnam date the import runs on
     */
    public static UnitListChanges between(List<Unit> stored, List<Unit> file, Set<Field> fileFields, LocalDate today,
                                          boolean closeMissing) {
        Map<String, Unit> byId = new LinkedHashMap<>();
        stored.stream().sorted(Comparator.comparing(Unit::id)).forEach(u -> byId.put(u.id(), u));
        List<Change> changes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int unchanged = 0;
        for (Unit row : file) {
            Unit before = byId.remove(row.id());
            if (before == null) {
                changes.add(new Change(Kind.ADDED, null, row, List.of()));
                continue;
            }
            LocalDate from = fileFields.contains(Field.EFFECTIVE_FROM) ? row.activeFrom() : before.activeFrom();
            LocalDate to = fileFields.contains(Field.EFFECTIVE_TO) ? row.activeUntil() : before.activeUntil();
            if (from != null && to != null && to.isBefore(from)) {
                errors.add(row.id() + ": ngày hết hiệu lực " + VietnamTime.date(to) + " trước ngày bắt đầu "
                        + VietnamTime.date(from) + " (một trong hai ngày là ngày đã lưu)");
                continue;
            }
            Unit after = new Unit(row.id(), row.name(), row.category(), row.emails(), before.tokenVersion(), from, to);
            Change change = change(before, after);
            if (change == null) {
                unchanged++;
            } else {
                changes.add(change);
            }
        }
        List<Unit> notInFile = List.copyOf(byId.values());
        if (closeMissing) {
            LocalDate lastDay = today.minusDays(1);
            for (Unit missing : notInFile) {
                if (missing.activeUntil() != null && !missing.activeUntil().isAfter(lastDay)) {
                    continue;
                }
                if (missing.activeFrom() != null && missing.activeFrom().isAfter(lastDay)) {
                    errors.add(missing.id() + ": không có trong tệp nhưng không thể đóng đến hết "
                            + VietnamTime.date(lastDay) + " vì bắt đầu từ " + VietnamTime.date(missing.activeFrom()));
                    continue;
                }
                changes.add(change(missing, new Unit(missing.id(), missing.name(), missing.category(), missing.emails(),
                        missing.tokenVersion(), missing.activeFrom(), lastDay)));
            }
        }
        return new UnitListChanges(changes, notInFile, unchanged, errors);
    }

    private static Change change(Unit before, Unit after) {
        List<FieldChange> fields = new ArrayList<>();
        for (Field field : Field.values()) {
            if (!Objects.equals(field.of(before), field.of(after))) {
                fields.add(new FieldChange(field, field.of(before), field.of(after)));
            }
        }
        if (fields.isEmpty()) {
            return null;
        }
        Kind kind = Objects.equals(before.activeUntil(), after.activeUntil()) ? Kind.UPDATED
                : after.activeUntil() == null ? Kind.REOPENED
                : before.activeUntil() == null ? Kind.CLOSED
                : Kind.UPDATED;
        return new Change(kind, before, after, List.copyOf(fields));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public List<Change> of(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /** The units to write, in their final form; empty when nothing changes. */
    public List<Unit> toWrite() {
        return changes.stream().map(Change::after).toList();
    }
}

package vn.haiphong.gddt.reports.domain;

import java.util.Objects;

/**
 * A person of the Office who acted (granted an extension, returned a file, asked for an export): the
 * technical id of the token's holder, kept for the audit trail, and the name people read, kept as it
 * was at the time, so a later rename does not rewrite history.
 *
 * @param name shown wherever people read it; the id when none was recorded (records written before names)
 */
public record Actor(String id, String name) {
    public Actor {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : Text.nfc(name).strip();
    }
}

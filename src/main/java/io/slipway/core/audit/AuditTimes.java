package io.slipway.core.audit;

import io.slipway.core.common.UserFacingException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads a time bound (CLI {@code --since}/{@code --until}, the Audit view's range): an instant ({@code 2026-11-23T10:00:00Z}), a UTC date-time or a date. */
public final class AuditTimes {
    private AuditTimes() {
    }

    public static Instant parse(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            // try the shorter forms
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try a date
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new UserFacingException(option + " '" + value + "' is not a time: use 2026-11-23, "
                    + "2026-11-23T10:00 (UTC) or 2026-11-23T10:00:00Z.");
        }
    }
}

package vn.haiphong.gddt.reports.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SubmissionEmailsTest {

    @Test
    void a_size_is_grouped_as_the_jdks_vietnamese_integer_format_groups_it() {
        NumberFormat vietnamese = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));
        for (long size : new long[] {0, 7, 99, 999, 1_000, 12_345, 999_999, 1_000_000, 26_214_400, 5_368_709_120L,
                Long.MAX_VALUE, -1, -1_234_567}) {
            assertThat(SubmissionEmails.grouped(size)).as("%d", size).isEqualTo(vietnamese.format(size));
        }
        assertThat(SubmissionEmails.grouped(26_214_400)).isEqualTo("26.214.400");
    }
}

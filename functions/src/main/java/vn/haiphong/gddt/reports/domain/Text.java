package vn.haiphong.gddt.reports.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Vietnamese text enters the system in NFC, whatever form the sender used. */
public final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Text() {
    }

    public static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** "Trần Phú.pdf" -> "Tran Phu.pdf": for S3 keys and headers, which must stay ASCII. */
    public static String withoutDiacritics(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD)
                .replace('đ', 'd').replace('Đ', 'D');
        return MARKS.matcher(decomposed).replaceAll("");
    }
}

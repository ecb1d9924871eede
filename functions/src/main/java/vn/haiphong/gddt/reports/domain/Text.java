package vn.haiphong.gddt.reports.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Vietnamese text enters the system in NFC, whatever form the sender used. */
public final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Text() {
    }

    public static String nfc(String s) {
        if (s == null) {
            return "";
        }
        return leftAsItIsByNfc(s) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * True for text made only of characters below U+0300 (where the combining marks begin), of the
     * precomposed Vietnamese letters U+1EA0–U+1EF9 and of the punctuation U+2010–U+205E (dashes, quotes,
     * the ellipsis): each is NFC on its own and none composes with its neighbour, so NFC leaves such text
     * as it is. That is nearly every name, reason and body that arrives, and it spares them the
     * normalizer, whose tables take some 10 ms to load on a cold start.
     */
    static boolean leftAsItIsByNfc(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = c < '\u0300' || (c >= '\u1EA0' && c <= '\u1EF9') || (c >= '\u2010' && c <= '\u205E');
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /** "Trần Phú.pdf" -> "Tran Phu.pdf": for S3 keys and headers, which must stay ASCII. */
    public static String withoutDiacritics(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD)
                .replace('đ', 'd').replace('Đ', 'D');
        return MARKS.matcher(decomposed).replaceAll("");
    }
}

package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Capability tokens: kid.payload.signature, HMAC-SHA256")
class CapabilityTokensTest {
    private static final byte[] OLD_SECRET = bytes(32, 1);
    private static final byte[] NEW_SECRET = bytes(48, 101);
    private static final byte[] OTHER_SECRET = bytes(32, 7);
    private static final String OLD = b64(OLD_SECRET);
    private static final String NEW = b64(NEW_SECRET);
    private static final String OTHER = b64(OTHER_SECRET);

    private static final Instant NOW = Instant.parse("2025-06-01T01:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2025-12-31T17:00:00Z");
    /** Office tokens live at most 90 days. */
    private static final Instant OFFICE_EXPIRES = Instant.parse("2025-07-01T01:00:00Z");
    private static final String URL_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static final String OFFICE_ID = "vp7hoa2lan3an4bc";
    private final CapabilityTokens tokens = new CapabilityTokens(TokenKeys.parse("k1:" + OLD));
    private final Capability unitCap = Capability.unit("thpt-tran-phu", 3, EXPIRES);

    /** n deterministic bytes starting at {@code start}: fixed test secrets, no randomness. */
    private static byte[] bytes(int n, int start) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (start + 37 * i);
        }
        return b;
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static Problem refusal(CapabilityTokens t, String token, Instant now) {
        try {
            t.verify(token, now);
        } catch (RequestRefused e) {
            return e.problem();
        }
        return null;
    }

    /** A token signed exactly as the server signs, but carrying whatever payload we choose. */
    private static String signedByHand(String kid, byte[] secret, String payloadText) throws Exception {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payloadText.getBytes(StandardCharsets.UTF_8));
        return signedByHandRaw(kid, secret, payload);
    }

    private static String signedByHandRaw(String kid, byte[] secret, String encodedPayload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String signed = kid + "." + encodedPayload;
        return signed + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    @DisplayName("round trip")
    class RoundTrip {

        @Test
        void a_unit_capability_comes_back_as_it_was_minted() {
            String token = tokens.mint(unitCap);

            assertThat(tokens.verify(token, NOW)).isEqualTo(unitCap);
        }

        @Test
        void an_office_capability_for_all_reports_comes_back_as_it_was_minted() {
            Capability office = Capability.office(Capability.ALL_REPORTS, "chanh-van-phong", OFFICE_EXPIRES, OFFICE_ID);

            Capability back = tokens.verify(tokens.mint(office), NOW);

            assertThat(back).isEqualTo(office);
            assertThat(back.kind()).isEqualTo(Capability.Kind.OFFICE);
            assertThat(back.scope()).isEqualTo("*");
            assertThat(back.actor()).isEqualTo("chanh-van-phong");
        }

        @Test
        void an_office_capability_limited_to_one_report_keeps_its_scope() {
            Capability office = Capability.office("TCCB", "truong-phong-tccb", OFFICE_EXPIRES, OFFICE_ID);

            Capability back = tokens.verify(tokens.mint(office), NOW);

            assertThat(back).isEqualTo(office);
            assertThat(back.mayRead(Fixtures.QCDC)).isTrue();
            assertThat(back.mayRead(Fixtures.DVCQ)).isFalse();
        }

        @Test
        void a_unit_token_and_an_office_token_are_told_apart() {
            Capability unit = Capability.unit("x1", 1, EXPIRES);
            Capability office = Capability.office("VP", "x1", OFFICE_EXPIRES, OFFICE_ID);

            assertThat(tokens.verify(tokens.mint(unit), NOW).kind()).isEqualTo(Capability.Kind.UNIT);
            assertThat(tokens.verify(tokens.mint(office), NOW).kind()).isEqualTo(Capability.Kind.OFFICE);
        }

        @Test
        void a_token_is_three_url_safe_parts_starting_with_the_key_id() {
            String token = tokens.mint(unitCap);

            assertThat(token).matches("k1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
            assertThat(token.length()).isLessThan(512);
        }

        @Test
        void minting_is_deterministic() {
            assertThat(tokens.mint(unitCap)).isEqualTo(tokens.mint(unitCap));
        }
    }

    @Nested
    @DisplayName("tampering")
    class Tampering {

        /** Every token that differs from the minted one in exactly one character, and verify still accepted. */
        private List<String> acceptedMutants(int from, int to) {
            String token = tokens.mint(unitCap);
            String alphabet = URL_ALPHABET + ".=+/ |~";
            List<String> accepted = new ArrayList<>();
            for (int i = from; i < to; i++) {
                for (char c : alphabet.toCharArray()) {
                    if (c == token.charAt(i)) {
                        continue;
                    }
                    String mutant = token.substring(0, i) + c + token.substring(i + 1);
                    Problem p = refusal(tokens, mutant, NOW);
                    if (p != Problem.TOKEN_INVALID) {
                        accepted.add("position " + i + " '" + token.charAt(i) + "'->'" + c + "': "
                                + (p == null ? "ACCEPTED" : p));
                    }
                }
            }
            return accepted;
        }

        @Test
        void changing_any_character_of_the_key_id_makes_the_token_invalid() {
            String token = tokens.mint(unitCap);

            assertThat(acceptedMutants(0, token.indexOf('.'))).isEmpty();
        }

        @Test
        void changing_any_character_of_the_payload_makes_the_token_invalid() {
            String token = tokens.mint(unitCap);

            assertThat(acceptedMutants(token.indexOf('.'), token.lastIndexOf('.'))).isEmpty();
        }

        @Test
        void changing_any_character_of_the_signature_makes_the_token_invalid() {
            String token = tokens.mint(unitCap);

            assertThat(acceptedMutants(token.lastIndexOf('.'), token.length())).isEmpty();
        }

        @Test
        void padding_appended_to_the_signature_makes_the_token_invalid() {
            // the server mints unpadded base64url; "<token>=" is a different string and must not verify
            String token = tokens.mint(unitCap);

            assertThat(refusal(tokens, token + "=", NOW)).isEqualTo(Problem.TOKEN_INVALID);
            assertThat(refusal(tokens, token + "==", NOW)).isEqualTo(Problem.TOKEN_INVALID);
        }

        @Test
        void blanks_or_an_extra_dot_around_a_valid_token_make_it_invalid() {
            String token = tokens.mint(unitCap);

            assertThat(refusal(tokens, token + " ", NOW)).isEqualTo(Problem.TOKEN_INVALID);
            assertThat(refusal(tokens, " " + token, NOW)).isEqualTo(Problem.TOKEN_INVALID);
            assertThat(refusal(tokens, token + ".", NOW)).isEqualTo(Problem.TOKEN_INVALID);
        }

        @Test
        void a_token_signed_with_another_secret_under_the_same_key_id_is_invalid() {
            String forged = new CapabilityTokens(TokenKeys.parse("k1:" + OTHER)).mint(unitCap);

            assertThat(refusal(tokens, forged, NOW)).isEqualTo(Problem.TOKEN_INVALID);
        }

        @Test
        void a_token_under_an_unknown_key_id_is_invalid_even_with_the_right_secret() {
            String token = new CapabilityTokens(TokenKeys.parse("k9:" + OLD)).mint(unitCap);

            assertThat(token).startsWith("k9.");
            assertThat(refusal(tokens, token, NOW)).isEqualTo(Problem.TOKEN_INVALID);
        }

        @Test
        void a_payload_swapped_in_from_another_valid_token_is_invalid() {
            String[] a = tokens.mint(unitCap).split("\\.");
            String[] b = tokens.mint(Capability.office("*", "van-thu", EXPIRES, OFFICE_ID)).split("\\.");

            assertThat(refusal(tokens, a[0] + "." + b[1] + "." + a[2], NOW)).isEqualTo(Problem.TOKEN_INVALID);
        }

        @Test
        void a_forged_token_is_invalid_rather_than_expired_even_when_its_claimed_expiry_has_passed() {
            String forged = new CapabilityTokens(TokenKeys.parse("k1:" + OTHER))
                    .mint(Capability.unit("thpt-tran-phu", 1, NOW.minusSeconds(1)));

            assertThat(refusal(tokens, forged, NOW)).isEqualTo(Problem.TOKEN_INVALID);
        }
    }

    @Nested
    @DisplayName("correctly signed but malformed payloads")
    class MalformedPayloads {

        @ParameterizedTest(name = "payload \"{0}\" is invalid")
        @ValueSource(strings = {
            "x|thpt-a|1|1767200400",       // unknown kind
            "|thpt-a|1|1767200400",
            "uu|thpt-a|1|1767200400",
            "u|thpt-a|1",                  // too few fields
            "u|thpt-a|1|1767200400|x",     // too many fields
            "o|*@van-thu|1|1767200400",    // an office token without the id of its record
            "u|thpt-a|one|1767200400",     // version not a number
            "u|thpt-a|1|soon",             // expiry not a number
            "u|thpt-a|1|99999999999999999999", // does not fit a long
            "u|thpt-a|1|9223372036854775807",  // beyond Instant.MAX
            "",
        })
        void a_token_whose_signed_payload_cannot_be_read_is_invalid(String payload) throws Exception {
            String token = signedByHand("k1", OLD_SECRET, payload);

            assertThat(refusal(tokens, token, NOW)).isEqualTo(Problem.TOKEN_INVALID);
        }

        @Test
        void a_signed_payload_that_is_not_base64_is_invalid() throws Exception {
            String token = signedByHandRaw("k1", OLD_SECRET, "!!not*base64!!");

            assertThat(refusal(tokens, token, NOW)).isEqualTo(Problem.TOKEN_INVALID);
        }

        @Test
        void the_hand_signer_agrees_with_the_server_so_the_cases_above_test_the_payload_only() throws Exception {
            String token = signedByHand("k1", OLD_SECRET, "u|thpt-tran-phu|3|" + EXPIRES.getEpochSecond());

            assertThat(token).isEqualTo(tokens.mint(unitCap));
        }
    }

    @Nested
    @DisplayName("expiry")
    class Expiry {

        @Test
        void a_token_is_good_up_to_one_second_before_it_expires() {
            assertThat(tokens.verify(tokens.mint(unitCap), EXPIRES.minusSeconds(1))).isEqualTo(unitCap);
            assertThat(tokens.verify(tokens.mint(unitCap), EXPIRES.minusNanos(1))).isEqualTo(unitCap);
        }

        @Test
        void a_token_is_expired_at_the_very_instant_of_its_expiry() {
            assertThat(refusal(tokens, tokens.mint(unitCap), EXPIRES)).isEqualTo(Problem.TOKEN_EXPIRED);
        }

        @Test
        void a_token_is_expired_after_its_expiry() {
            assertThat(refusal(tokens, tokens.mint(unitCap), EXPIRES.plusSeconds(1))).isEqualTo(Problem.TOKEN_EXPIRED);
            assertThat(refusal(tokens, tokens.mint(unitCap), EXPIRES.plus(Duration.ofDays(400))))
                    .isEqualTo(Problem.TOKEN_EXPIRED);
        }

        @Test
        void an_expired_office_token_is_expired_too() {
            String token = tokens.mint(Capability.office("*", "van-thu", NOW, OFFICE_ID));

            assertThat(refusal(tokens, token, NOW)).isEqualTo(Problem.TOKEN_EXPIRED);
        }

        @Test
        void an_office_token_that_would_live_longer_than_ninety_days_is_refused_as_expired_however_well_signed() {
            String forever = tokens.mint(Capability.office("*", "van-thu", Instant.parse("9999-12-31T00:00:00Z"), OFFICE_ID));
            String ninetyOneDays = tokens.mint(Capability.office("*", "van-thu", NOW.plus(Duration.ofDays(91)), OFFICE_ID));

            assertThat(refusal(tokens, forever, NOW)).isEqualTo(Problem.TOKEN_EXPIRED);
            assertThat(refusal(tokens, ninetyOneDays, NOW)).isEqualTo(Problem.TOKEN_EXPIRED);
            assertThat(tokens.verify(tokens.mint(Capability.office("*", "van-thu", NOW.plus(Duration.ofDays(90)), OFFICE_ID)), NOW).kind())
                    .isEqualTo(Capability.Kind.OFFICE);
            assertThat(refusal(tokens, ninetyOneDays, NOW.plus(Duration.ofDays(1)))).as("a day later it fits").isNull();
        }

        @Test
        void the_refusal_carries_the_http_status_and_the_words_people_read() {
            assertThatThrownBy(() -> tokens.verify(tokens.mint(unitCap), EXPIRES))
                    .isInstanceOfSatisfying(RequestRefused.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.TOKEN_EXPIRED);
                        assertThat(e.problem().status()).isEqualTo(401);
                        assertThat(e.problem().code()).isEqualTo("token-expired");
                        assertThat(e.detail()).isEqualTo(Problem.TOKEN_EXPIRED.detail()).contains("hết hạn");
                    });
        }
    }

    @Nested
    @DisplayName("garbage")
    class Garbage {

        @ParameterizedTest(name = "\"{0}\" is invalid")
        @NullAndEmptySource
        @ValueSource(strings = {
            " ", "abc", ".", "..", "...", "....", "a.b", "a.b.c", "a.b.c.d", "k1..", "k1.abc.",
            "k1..abc", ".abc.def", "k1.abc.def.ghi", "k1.%%%.%%%", "Bearer k1.a.b", "k1.é.ü",
        })
        void malformed_strings_are_invalid(String token) {
            assertThat(refusal(tokens, token, NOW)).isEqualTo(Problem.TOKEN_INVALID);
        }

        @Test
        void a_ten_thousand_character_token_is_invalid() {
            String huge = "k1." + "A".repeat(5000) + "." + "B".repeat(4996);

            assertThat(huge.length()).isEqualTo(10_000);
            assertThat(refusal(tokens, huge, NOW)).isEqualTo(Problem.TOKEN_INVALID);
        }

        @Test
        void a_valid_token_with_thousands_of_characters_appended_is_invalid() {
            String token = tokens.mint(unitCap) + "A".repeat(10_000);

            assertThat(refusal(tokens, token, NOW)).isEqualTo(Problem.TOKEN_INVALID);
        }

        @Test
        void a_wrong_number_of_dots_around_a_valid_token_is_invalid() {
            String token = tokens.mint(unitCap);

            assertThat(refusal(tokens, token.replaceFirst("\\.", ""), NOW)).isEqualTo(Problem.TOKEN_INVALID);
            assertThat(refusal(tokens, token.replace(".", ".."), NOW)).isEqualTo(Problem.TOKEN_INVALID);
            assertThat(refusal(tokens, "x." + token, NOW)).isEqualTo(Problem.TOKEN_INVALID);
        }
    }

    @Nested
    @DisplayName("key rotation")
    class Rotation {
        private final CapabilityTokens before = tokens;
        private final CapabilityTokens rotated = new CapabilityTokens(TokenKeys.parse("k2:" + NEW + ",k1:" + OLD));

        @Test
        void after_rotation_tokens_minted_with_the_old_key_still_verify() {
            String old = before.mint(unitCap);

            assertThat(old).startsWith("k1.");
            assertThat(rotated.verify(old, NOW)).isEqualTo(unitCap);
        }

        @Test
        void after_rotation_new_tokens_are_signed_with_the_first_key() {
            String fresh = rotated.mint(unitCap);

            assertThat(fresh).startsWith("k2.");
            assertThat(rotated.verify(fresh, NOW)).isEqualTo(unitCap);
        }

        @Test
        void a_new_key_token_is_invalid_where_the_new_key_is_not_yet_known() {
            assertThat(refusal(before, rotated.mint(unitCap), NOW)).isEqualTo(Problem.TOKEN_INVALID);
        }

        @Test
        void once_the_old_key_is_retired_its_tokens_are_invalid() {
            CapabilityTokens retired = new CapabilityTokens(TokenKeys.parse("k2:" + NEW));

            assertThat(refusal(retired, before.mint(unitCap), NOW)).isEqualTo(Problem.TOKEN_INVALID);
            assertThat(retired.verify(rotated.mint(unitCap), NOW)).isEqualTo(unitCap);
        }

        @Test
        void the_signing_key_id_is_the_first_one_written() {
            assertThat(TokenKeys.parse("k2:" + NEW + ",k1:" + OLD).signingKeyId()).isEqualTo("k2");
            assertThat(TokenKeys.parse(" k1:" + OLD + " , k2:" + NEW + " ").signingKeyId()).isEqualTo("k1");
        }
    }

    @Nested
    @DisplayName("TokenKeys.parse")
    class Parse {

        @Test
        void accepts_a_secret_of_exactly_32_bytes_and_a_key_id_of_16_characters() {
            TokenKeys keys = TokenKeys.parse("abcdefghij_-0123:" + b64(bytes(32, 3)));

            assertThat(keys.signingKeyId()).isEqualTo("abcdefghij_-0123");
        }

        @Test
        void refuses_a_secret_shorter_than_32_bytes() {
            assertThatIllegalArgumentException().isThrownBy(() -> TokenKeys.parse("k1:" + b64(bytes(31, 3))));
            assertThatIllegalArgumentException().isThrownBy(() -> TokenKeys.parse("k1:" + b64(new byte[0])));
        }

        @Test
        void refuses_a_short_secret_even_when_another_key_is_long_enough() {
            assertThatIllegalArgumentException().isThrownBy(
                    () -> TokenKeys.parse("k2:" + NEW + ",k1:" + b64(bytes(16, 3))));
        }

        @ParameterizedTest(name = "key id \"{0}\" is refused")
        @ValueSource(strings = {"k 1", "k.1", "k1.x", "k/1", "kóa", "k|1", "abcdefghijklmnopq", "k1=", "*"})
        void refuses_bad_key_ids(String kid) {
            assertThatIllegalArgumentException().isThrownBy(() -> TokenKeys.parse(kid + ":" + OLD));
        }

        @ParameterizedTest(name = "spec \"{0}\" is refused")
        @NullAndEmptySource
        @ValueSource(strings = {" ", ",", ",,,", "k1", "k1:", ":secret", "k1:not base64!", ",k1:x"})
        void refuses_empty_and_malformed_specs(String spec) {
            assertThatIllegalArgumentException().isThrownBy(() -> TokenKeys.parse(spec));
        }

        @Test
        void refuses_a_spec_that_names_the_same_key_id_twice() {
            // "k1:A,k1:B" would silently sign with B although the documented rule is that the first key signs
            assertThatIllegalArgumentException().isThrownBy(() -> TokenKeys.parse("k1:" + OLD + ",k1:" + OTHER));
        }
    }
}

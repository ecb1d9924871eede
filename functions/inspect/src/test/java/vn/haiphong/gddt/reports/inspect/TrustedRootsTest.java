package vn.haiphong.gddt.reports.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedRootsTest {
    @Test
    void a_bundle_with_comments_between_its_certificates_holds_every_certificate() {
        String bundle = "# Sở GDĐT Hải Phòng — gốc tin cậy, cập nhật 06/12/2026\n"
                + TestPki.pem(TestPki.ROOT.certificate())
                + "\n# CA thứ hai\n"
                + TestPki.pem(TestPki.root("CA gốc thứ hai").certificate());

        assertThat(TrustedRoots.fromPem(bundle).size()).isEqualTo(2);
    }

    @Test
    void a_bundle_with_a_damaged_certificate_is_refused_whole() {
        String[] lines = TestPki.pem(TestPki.ROOT.certificate()).split("\n");
        lines[1] = "AAAA" + lines[1].substring(4);
        String damaged = String.join("\n", lines);

        assertThatThrownBy(() -> TrustedRoots.fromPem(damaged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trusted roots");
    }

    @Test
    void no_bundle_trusts_nothing() {
        assertThat(TrustedRoots.none().size()).isZero();
        assertThat(TrustedRoots.fromPem("").size()).isZero();
    }
}

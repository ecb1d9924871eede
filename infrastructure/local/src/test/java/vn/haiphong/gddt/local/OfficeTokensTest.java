package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.local.StatusApiTest.obligation;
import static vn.haiphong.gddt.local.StatusApiTest.row;
import static vn.haiphong.gddt.local.StatusBadRequestsTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;
import vn.haiphong.gddt.reports.app.OfficeCredentials;

/**
 * Office tokens through the running system: each is recorded with a display name, which is what the
 * records show; {@code revoke-token} cuts off one token within a minute and nothing else.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeTokensTest {
    private static final String QCDC = StatusApiTest.QCDC;
    private static final String HOA = "Nguyễn Thị Hoa — Văn phòng";

    private Running running;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, OffsetDateTime.parse("2026-11-30T09:00:00+07:00").toInstant(), Map.of());
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void a_revoked_token_answers_token_revoked_within_a_minute_while_another_office_token_and_a_school_link_keep_working() {
        OfficeCredentials.Issued hoa = running.system.officeToken("*", "hoa.nt", HOA);
        OfficeCredentials.Issued lan = running.system.officeToken("TCCB", "lan.pt", "Phạm Thị Lan — Phòng TCCB");
        String school = running.unit("THPT").token();
        assertThat(running.status(hoa.token(), Map.of("obligation", QCDC)).statusCode()).isEqualTo(200);

        Command revoked = command(OfficeTokenCommands::revoke, hoa.record().tokenId(), "--table", table(), "--endpoint", dynamoDb());

        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("đã thu hồi / revoked " + hoa.record().tokenId(), HOA);
        // The functions may still hold the record they read before the revocation, for at most 30 s.
        running.system.moveClockTo(running.system.clock().instant().plus(Duration.ofSeconds(31)));
        assertProblem(running.status(hoa.token(), Map.of("obligation", QCDC)), 401, "token-revoked");
        assertThat(running.status(lan.token(), Map.of("obligation", QCDC)).statusCode()).isEqualTo(200);
        assertThat(running.status(running.system.officeToken(), Map.of("obligation", QCDC)).statusCode()).isEqualTo(200);
        assertThat(running.me(school).statusCode()).isEqualTo(200);

        Command listed = command(OfficeTokenCommands::list, "--table", table(), "--endpoint", dynamoDb());
        assertThat(listed.out().lines().filter(line -> line.startsWith(hoa.record().tokenId())))
                .singleElement().asString().contains(HOA, "hoa.nt", "*", "đã thu hồi / revoked");
        assertThat(listed.out().lines().filter(line -> line.startsWith(lan.record().tokenId())))
                .singleElement().asString().contains("Phạm Thị Lan — Phòng TCCB", "TCCB", "đang dùng / active");
    }

    @Test
    void revoking_an_id_that_was_never_issued_says_so_and_exits_1() {
        Command unknown = command(OfficeTokenCommands::revoke, "zzzzzzzzzzzzzzz2", "--table", table(), "--endpoint", dynamoDb());

        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("zzzzzzzzzzzzzzz2");
    }

    @Test
    void the_extension_and_the_return_show_the_display_name_of_the_person_who_acted_in_json_and_csv() {
        OfficeCredentials.Issued hoa = running.system.officeToken("*", "hoa.nt", HOA);
        LocalSystem.SessionUnit unit = running.units(u -> u.category().equals("THPT")).get(3);
        String fileId = running.upload(unit.token(), QCDC, "bc.pdf", "application/pdf", Running.pdf("display name"));
        running.awaitSubmissions(unit.token(), QCDC, 1);

        HttpResponse<String> granted = Running.send(running.officeRequest("PUT", "/v1/extensions/" + QCDC + "/" + unit.unit(),
                hoa.token(), "{\"until\":\"2026-12-20\",\"reason\":\"Mất điện\"}"));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(Running.read(granted.body()).get("grantedByName").asText()).isEqualTo(HOA);
        HttpResponse<String> returned = Running.send(running.officeRequest("POST", "/v1/submissions/" + fileId + "/return",
                hoa.token(), "{\"reason\":\"Thiếu chữ ký\"}"));
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);

        JsonNode row = row(obligation(Running.read(running.status(hoa.token(), Map.of("obligation", QCDC)).body()), QCDC), unit.unit());
        assertThat(row.at("/extension/grantedBy").asText()).isEqualTo("hoa.nt");
        assertThat(row.at("/extension/grantedByName").asText()).isEqualTo(HOA);
        assertThat(row.at("/returned/returnedBy").asText()).isEqualTo("hoa.nt");
        assertThat(row.at("/returned/returnedByName").asText()).isEqualTo(HOA);
        String csv = new String(running.statusBytes(hoa.token(), Map.of("obligation", QCDC, "format", "csv")).body(),
                StandardCharsets.UTF_8);
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().substring(1).split(","));
        String line = csv.lines().filter(l -> l.contains("," + unit.unit() + ",")).findFirst().orElseThrow();
        // Side by side; the inspection's columns come after them.
        assertThat(header).containsSubsequence("extensionGrantedByName", "returnedByName");
        assertThat(header.indexOf("returnedByName")).isEqualTo(header.indexOf("extensionGrantedByName") + 1);
        assertThat(line).contains("," + HOA + "," + HOA + ",");
    }

    private String table() {
        return (String) running.system.session().get("table");
    }

    private String dynamoDb() {
        return running.system.emulators().dynamoDbEndpoint().toString();
    }

    private record Command(int exit, String out, String err) {
    }

    private interface Cli {
        int run(List<String> args, PrintStream out, PrintStream err, java.time.Clock clock);
    }

    private Command command(Cli cli, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = cli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), running.system.clock());
        return new Command(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

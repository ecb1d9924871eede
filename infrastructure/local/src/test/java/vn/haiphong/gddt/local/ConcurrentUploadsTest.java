package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/** The morning of a deadline: many schools' files arrive at the same moment. */
@Isolated("a hundred and twenty uploads at once, each receipt awaited within a bound")
@ExtendWith(EmulatorsExtension.class)
class ConcurrentUploadsTest {
    /**
     * What two cores serve within the SDK's 5 s call limit with every file also inspected: 200 did before
     * the inspection (each file now costs the emulators about twice the work); AWS has no such ceiling.
     */
    private static final int UPLOADS = 120;
    private static final int UNITS = 60;
    private static final String OBLIGATION = "DVCQ:2026-Y";

    @Test
    void a_hundred_and_twenty_files_from_sixty_units_arriving_together_are_each_recorded_exactly_once(Emulators emulators)
            throws Exception {
        try (Running running = Running.start(emulators, OffsetDateTime.parse("2026-12-09T08:00:00+07:00").toInstant(), Map.of())) {
            List<LocalSystem.SessionUnit> units = running.units(u -> !u.category().equals("PHONG_SO")).subList(0, UNITS);
            // The grants are asked for ten at a time (a page asks once per file, seconds before it sends);
            // what must hold exactly once is the recording of the files, which all arrive at the same moment.
            ExecutorService asking = Executors.newFixedThreadPool(10);
            List<Future<JsonNode>> grants = new ArrayList<>();
            List<byte[]> files = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                LocalSystem.SessionUnit unit = units.get(i % UNITS);
                byte[] file = Running.pdf("upload " + i);
                files.add(file);
                grants.add(asking.submit(() -> {
                    HttpResponse<String> granted = running.requestUpload(unit.token(), OBLIGATION,
                            "bao-cao-" + unit.unit() + ".pdf", "application/pdf", file);
                    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
                    return Running.read(granted.body());
                }));
            }
            asking.shutdown();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
            Map<String, List<String>> sentByUnit = new ConcurrentHashMap<>();
            List<Future<String>> uploads = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                LocalSystem.SessionUnit unit = units.get(i % UNITS);
                JsonNode grant = grants.get(i).get();
                byte[] file = files.get(i);
                uploads.add(pool.submit(() -> {
                    go.await();
                    assertThat(Running.put(grant, file).statusCode()).isEqualTo(200);
                    String id = grant.get("submissionId").asText();
                    sentByUnit.computeIfAbsent(unit.unit(), k -> new ArrayList<>());
                    synchronized (sentByUnit) {
                        sentByUnit.get(unit.unit()).add(id);
                    }
                    return id;
                }));
            }
            go.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<String> upload : uploads) {
                ids.add(upload.get());
            }
            pool.shutdown();

            assertThat(ids).doesNotHaveDuplicates().hasSize(UPLOADS);
            Map<String, Integer> recordedByUnit = new HashMap<>();
            for (LocalSystem.SessionUnit unit : units) {
                int expected = sentByUnit.get(unit.unit()).size();
                JsonNode obligation = running.awaitSubmissions(unit.token(), OBLIGATION, expected);
                List<String> recorded = new ArrayList<>();
                obligation.get("submissions").forEach(s -> recorded.add(s.get("submissionId").asText()));
                assertThat(recorded).as(unit.unit()).containsExactlyInAnyOrderElementsOf(sentByUnit.get(unit.unit()));
                assertThat(obligation.get("state").asText()).isEqualTo("ON_TIME");
                recordedByUnit.put(unit.unit(), recorded.size());
            }
            assertThat(recordedByUnit.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(UPLOADS);
            for (String id : ids) {
                assertThat(running.awaitEmailsMentioning(id, 1)).as("receipts for " + id).hasSize(1);
            }
        }
    }
}

package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/** The morning of a deadline: many schools upload at the same moment. */
@ExtendWith(EmulatorsExtension.class)
class ConcurrentUploadsTest {
    private static final int UPLOADS = 200;
    private static final int UNITS = 60;
    private static final String OBLIGATION = "DVCQ:2026-Y";

    @Test
    void two_hundred_uploads_from_sixty_units_started_together_are_each_recorded_exactly_once(Emulators emulators)
            throws Exception {
        try (Running running = Running.start(emulators, OffsetDateTime.parse("2026-12-09T08:00:00+07:00").toInstant(), Map.of())) {
            List<LocalSystem.SessionUnit> units = running.units(u -> !u.category().equals("PHONG_SO")).subList(0, UNITS);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
            Map<String, List<String>> sentByUnit = new ConcurrentHashMap<>();
            List<Future<String>> uploads = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                LocalSystem.SessionUnit unit = units.get(i % UNITS);
                byte[] file = Running.pdf("upload " + i);
                uploads.add(pool.submit(() -> {
                    go.await();
                    String id = running.upload(unit.token(), OBLIGATION, "bao-cao-" + unit.unit() + ".pdf", "application/pdf", file);
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

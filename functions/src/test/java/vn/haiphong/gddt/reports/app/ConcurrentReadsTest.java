package vn.haiphong.gddt.reports.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;

class ConcurrentReadsTest {
    private final ConcurrentReads reads = ConcurrentReads.pooled(4, "GetStatusFunction");

    @Test
    void reads_started_together_run_at_the_same_time() {
        // Each read waits until all three have started: one after another, none would ever finish.
        CountDownLatch allStarted = new CountDownLatch(3);
        Supplier<String> read = () -> {
            allStarted.countDown();
            try {
                return allStarted.await(10, TimeUnit.SECONDS) ? Thread.currentThread().getName() : "alone";
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };

        Supplier<String> first = reads.start(read);
        Supplier<String> second = reads.start(read);
        Supplier<String> third = reads.start(read);

        assertThat(first.get()).isNotEqualTo("alone").startsWith("GetStatusFunction-read-");
        assertThat(second.get()).isNotEqualTo("alone");
        assertThat(third.get()).isNotEqualTo("alone");
    }

    @Test
    void a_failed_read_is_thrown_as_it_was_thrown_so_the_handlers_answer_it_as_before() {
        RequestRefused notFound = new RequestRefused(Problem.UNIT_NOT_FOUND);
        IllegalStateException down = new IllegalStateException("DynamoDB không trả lời");

        Supplier<Object> refused = reads.start(() -> {
            throw notFound;
        });
        Supplier<Object> failed = reads.start(() -> {
            throw down;
        });

        assertThatThrownBy(refused::get).isSameAs(notFound);
        assertThatThrownBy(failed::get).isSameAs(down);
    }

    @Test
    void an_error_in_a_read_is_not_wrapped_either() {
        AssertionError broken = new AssertionError("hỏng");

        Supplier<Object> read = reads.start(() -> {
            throw broken;
        });

        assertThatThrownBy(read::get).isSameAs(broken);
    }

    @Test
    void a_value_is_read_once_however_often_it_is_asked_for() {
        int[] calls = new int[1];
        Supplier<Integer> read = reads.start(() -> ++calls[0]);

        assertThat(read.get()).isEqualTo(1);
        assertThat(read.get()).isEqualTo(1);
        assertThat(calls[0]).isEqualTo(1);
    }
}

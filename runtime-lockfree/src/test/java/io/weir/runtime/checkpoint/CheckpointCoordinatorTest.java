package io.weir.runtime.checkpoint;

import io.weir.api.metrics.CheckpointInfo;
import io.weir.runtime.checkpoint.storage.FileSystemCheckpointStorage;
import io.weir.spi.checkpoint.CompletedCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The coordinator's protocol, driven by hand with a manual clock and a fake set of tasklets. */
class CheckpointCoordinatorTest {
    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000);
    private final List<String> events = new ArrayList<>();

    /** Two tasks and one source coordinator that record what they are sent. */
    private final class FakeParticipants implements CheckpointCoordinator.Participants {
        @Override
        public void sendToSourceCoordinators(TaskCommand command) {
            events.add("sources " + command);
        }

        @Override
        public void sendToTasks(TaskCommand command) {
            events.add("tasks " + command + " metadata-exists=" + metadataExists(command));
        }

        @Override
        public int expectedAcks() {
            return 3;
        }

        @Override
        public Map<String, int[]> operatorShapes() {
            Map<String, int[]> m = new LinkedHashMap<>();
            m.put("op", new int[]{2, 128});
            return m;
        }

        @Override
        public Map<String, String> operatorNames() {
            return Map.of("op", "op#1");
        }
    }

    private boolean metadataExists(TaskCommand command) {
        if (command instanceof TaskCommand.NotifyComplete n) {
            return Files.exists(dir.resolve("chk-" + n.checkpointId()).resolve("_metadata"));
        }
        return false;
    }

    private CheckpointCoordinator coordinator(Duration interval, Duration timeout) {
        var c = new CheckpointCoordinator("job", new FileSystemCheckpointStorage(dir), interval, timeout, Duration.ZERO, 2,
                clock::get, Executors.newSingleThreadExecutor(), 1);
        c.bind(new FakeParticipants(), () -> true);
        return c;
    }

    private static SubtaskAck ack(long id, String tasklet, int subtask) {
        return new SubtaskAck(id, tasklet, List.of(new SubtaskAck.OperatorPart("op", subtask,
                Map.of("list", List.of(new byte[]{(byte) subtask})), null, null)), 5, null);
    }

    @Test
    void shouldNotifyTasksOnlyAfterEveryAckAndTheMetadataIsWritten() throws Exception {
        var c = coordinator(Duration.ZERO, Duration.ofMinutes(1));
        CompletableFuture<CheckpointInfo> f = c.trigger(false, null);
        assertThat(events).containsExactly("sources Trigger[checkpointId=1, timestamp=1000, savepoint=false]");
        c.acknowledge(ack(1, "a", 0));
        c.acknowledge(ack(1, "b", 1));
        c.tick();
        assertThat(f).isNotDone();
        c.acknowledge(new SubtaskAck(1, "source", List.of(), 0, null));
        c.tick();
        assertThat(f).isCompleted();
        assertThat(events).last().isEqualTo("tasks NotifyComplete[checkpointId=1] metadata-exists=true");
        CompletedCheckpoint done = c.storage().completedCheckpoints().getFirst();
        CheckpointMetadata md = CheckpointMetadata.decode(done.metadata(), done.location());
        assertThat(md.operator("op").subtasks()).extracting(CheckpointMetadata.SubtaskState::subtask).containsExactly(0, 1);
        assertThat(c.history()).singleElement().satisfies(i -> assertThat(i.status()).isEqualTo(CheckpointInfo.Status.COMPLETED));
    }

    @Test
    void shouldAbortOnDeclineAndDeleteWhatWasWritten() throws Exception {
        var c = coordinator(Duration.ZERO, Duration.ofMinutes(1));
        CompletableFuture<CheckpointInfo> f = c.trigger(false, null);
        c.acknowledge(SubtaskAck.decline(1, "a", new IllegalStateException("disk full")));
        c.tick();
        assertThat(f).isCompletedExceptionally();
        assertThat(events).last().isEqualTo("tasks Abort[checkpointId=1] metadata-exists=false");
        assertThat(c.storage().completedCheckpoints()).isEmpty();
        assertThat(c.history()).singleElement().satisfies(i -> assertThat(i.reason()).contains("disk full"));
    }

    @Test
    void shouldTimeOutOnTheJobClockAndIgnoreLateAcks() throws Exception {
        var c = coordinator(Duration.ZERO, Duration.ofSeconds(10));
        CompletableFuture<CheckpointInfo> f = c.trigger(false, null);
        clock.addAndGet(9_999);
        c.tick();
        assertThat(f).isNotDone();
        clock.addAndGet(1);
        c.tick();
        assertThat(f).isCompletedExceptionally();
        c.acknowledge(ack(1, "a", 0));
        c.tick();
        assertThat(c.history()).singleElement().satisfies(i -> assertThat(i.reason()).contains("timed out"));
    }

    @Test
    void shouldTriggerPeriodicallyOnTheJobClockWithOneInFlight() {
        var c = coordinator(Duration.ofSeconds(5), Duration.ofMinutes(1));
        c.tick();
        assertThat(events).isEmpty();
        clock.addAndGet(5_000);
        c.tick();
        assertThat(events).hasSize(1);
        clock.addAndGet(5_000);
        c.tick();
        assertThat(events).as("no second checkpoint while one is in flight").hasSize(1);
        assertThatThrownBy(() -> c.trigger(false, null).join()).hasMessageContaining("still in flight");
    }

    @Test
    void shouldTakeTheFinalCheckpointWithoutBarriersAndMarkItFinished() throws Exception {
        var c = coordinator(Duration.ZERO, Duration.ofMinutes(1));
        CompletableFuture<CheckpointInfo> f = c.triggerFinal();
        assertThat(events).containsExactly(
                "sources Trigger[checkpointId=1, timestamp=1000, savepoint=false]",
                "tasks Trigger[checkpointId=1, timestamp=1000, savepoint=false] metadata-exists=false");
        c.acknowledge(ack(1, "a", 0));
        c.acknowledge(ack(1, "b", 1));
        c.acknowledge(new SubtaskAck(1, "source", List.of(), 0, null));
        c.tick();
        assertThat(f).isCompleted();
        assertThat(events).last().isEqualTo("tasks NotifyComplete[checkpointId=1] metadata-exists=true");
        CompletedCheckpoint done = c.storage().completedCheckpoints().getFirst();
        assertThat(CheckpointMetadata.decode(done.metadata(), done.location()).finished()).isTrue();
    }

    @Test
    void shouldRoundTripTheFinishedMarkOfTheMetadata() {
        for (boolean finished : new boolean[]{false, true}) {
            var md = new CheckpointMetadata(7, 1_000, false, "job", List.of(), finished);
            assertThat(CheckpointMetadata.decode(md.encode(), "here").finished()).isEqualTo(finished);
        }
        assertThat(new CheckpointMetadata(7, 1_000, false, "job", List.of()).finished()).isFalse();
    }
}

package io.weir.runtime.task;

import io.weir.runtime.element.ControlEvent;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.StreamOperator;

import java.util.List;
import java.util.Map;

/**
 * The operators of one subtask of a chain, wired together, plus the network writers at its edges.
 * {@link #head()} is where the task delivers its input (the head operator, or a source's output).
 *
 * <h2>Thread safety</h2>
 * Single-threaded: the task's thread (and the supervisor thread for {@link #close()} after a failure).
 */
public final class OperatorChain {
    private final Output head;
    private final List<StreamOperator> operators;
    private final Map<StreamOperator, OperatorContext> contexts;
    private final RecordWriter[] writers;
    private final Progress progress;
    private StreamOperator[] timed = new StreamOperator[0];

    OperatorChain(Output head, List<StreamOperator> operators, Map<StreamOperator, OperatorContext> contexts,
                  List<RecordWriter> writers, Progress progress) {
        this.progress = progress;
        this.head = head;
        this.operators = List.copyOf(operators);
        this.contexts = Map.copyOf(contexts);
        this.writers = writers.toArray(RecordWriter[]::new);
    }

    /** The progress the chain's operators report from inside long calls (for the watchdog). */
    public Progress progress() {
        return progress;
    }

    /** Where input records and watermarks enter the chain. */
    public Output head() {
        return head;
    }

    /** The operators, head first (topological order). */
    public List<StreamOperator> operators() {
        return operators;
    }

    /** Opens every operator, tail first, so that an operator's outputs are open before it emits. */
    public void open() {
        for (int i = operators.size() - 1; i >= 0; i--) {
            StreamOperator op = operators.get(i);
            op.open(contexts.get(op));
        }
        timed = operators.stream().filter(StreamOperator::usesProcessingTime).toArray(StreamOperator[]::new);
    }

    /** {@code true} when some operator wants processing-time calls. */
    public boolean usesProcessingTime() {
        return timed.length > 0;
    }

    /** Tells the operators that want it that processing time has reached {@code now}, head first. */
    public void onProcessingTime(long now) {
        for (StreamOperator op : timed) {
            op.onProcessingTime(now);
        }
    }

    /** Every input has ended: lets each operator, head first, emit what it still holds. */
    public void endInput() {
        for (StreamOperator op : operators) {
            op.endInput();
        }
    }

    /** Closes every operator, head first; the first failure is rethrown after all were tried. */
    public void close() {
        RuntimeException first = null;
        for (StreamOperator op : operators) {
            try {
                op.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Writes a control event to every outgoing channel. */
    public void broadcastControl(ControlEvent event) {
        for (RecordWriter w : writers) {
            w.broadcastControl(event);
        }
    }

    /** {@code true} when every outgoing channel can take more records. */
    public boolean hasCapacity() {
        for (RecordWriter w : writers) {
            if (!w.hasCapacity()) {
                return false;
            }
        }
        return true;
    }

    /** Elements handed to the consumers so far, over every writer (see {@link io.weir.runtime.exchange.ChannelWriter#published()}). */
    public long published() {
        long sum = 0;
        for (RecordWriter w : writers) {
            sum += w.published();
        }
        return sum;
    }

    /** Publishes partial batches; {@code true} when nothing is pending on any channel. */
    public boolean flush() {
        boolean all = true;
        for (RecordWriter w : writers) {
            all &= w.flush();
        }
        return all;
    }
}

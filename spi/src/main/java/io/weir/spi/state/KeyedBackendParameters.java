package io.weir.spi.state;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;

import java.util.Objects;

/**
 * What a {@link KeyedStateBackend} is created for: the operator subtask, the key groups it owns, how
 * keys are encoded, the job's codecs and configuration. A parameter object: new parameters are
 * added as builder setters with defaults, so that neither backends nor the runtime break.
 *
 * <h2>Thread safety</h2>
 * Immutable once built; the builder is not thread-safe.
 */
@Evolving
public final class KeyedBackendParameters {
    private final String operatorName;
    private final String operatorUid;
    private final int subtaskIndex;
    private final int parallelism;
    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final Codec<Object> keyCodec;
    private final CodecRegistry codecs;
    private final Configuration configuration;

    private KeyedBackendParameters(Builder b) {
        this.operatorName = b.operatorName;
        this.operatorUid = b.operatorUid != null ? b.operatorUid : b.operatorName;
        this.subtaskIndex = b.subtaskIndex;
        this.parallelism = b.parallelism;
        this.maxParallelism = b.maxParallelism;
        this.keyGroupRange = b.keyGroupRange != null ? b.keyGroupRange : KeyGroupRange.of(0, b.maxParallelism - 1);
        this.keyCodec = b.keyCodec;
        this.codecs = b.codecs != null ? b.codecs : new CodecRegistry();
        this.configuration = b.configuration != null ? b.configuration : new Configuration();
    }

    /** A builder; {@code operatorName} and {@code keyCodec} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The operator's name, for messages and file names. */
    public String operatorName() {
        return operatorName;
    }

    /** The operator's stable id (state is matched by it on restore); the name unless set. */
    public String operatorUid() {
        return operatorUid;
    }

    /** This subtask's index, from 0. */
    public int subtaskIndex() {
        return subtaskIndex;
    }

    /** The operator's parallelism. */
    public int parallelism() {
        return parallelism;
    }

    /** The number of key groups of the operator (its max parallelism). */
    public int maxParallelism() {
        return maxParallelism;
    }

    /** The key groups this subtask owns; {@link KeyedStateBackend#setCurrentKey} accepts only these. */
    public KeyGroupRange keyGroupRange() {
        return keyGroupRange;
    }

    /** Encodes the keys of the stream, for backends that keep keys serialized. */
    public Codec<Object> keyCodec() {
        return keyCodec;
    }

    /** The job's codec registry, for backends that need codecs of their own. */
    public CodecRegistry codecs() {
        return codecs;
    }

    /** The job's configuration (the backend reads its own options from it). */
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public String toString() {
        return "KeyedBackendParameters[operator=" + operatorName + ", subtask=" + subtaskIndex + "/" + parallelism
                + ", keyGroups=" + keyGroupRange + " of " + maxParallelism + "]";
    }

    /** Builds {@link KeyedBackendParameters}; every setter returns the builder. */
    public static final class Builder {
        private String operatorName;
        private String operatorUid;
        private int subtaskIndex;
        private int parallelism = 1;
        private int maxParallelism = 128;
        private KeyGroupRange keyGroupRange;
        private Codec<Object> keyCodec;
        private CodecRegistry codecs;
        private Configuration configuration;

        private Builder() {
        }

        /** Required: the operator's name. */
        public Builder operatorName(String operatorName) {
            this.operatorName = Objects.requireNonNull(operatorName, "operatorName");
            return this;
        }

        /** The operator's stable id; defaults to its name. */
        public Builder operatorUid(String operatorUid) {
            this.operatorUid = Objects.requireNonNull(operatorUid, "operatorUid");
            return this;
        }

        /** This subtask's index and the operator's parallelism; default 0 of 1. */
        public Builder subtask(int subtaskIndex, int parallelism) {
            this.subtaskIndex = subtaskIndex;
            this.parallelism = parallelism;
            return this;
        }

        /** The number of key groups; default 128. */
        public Builder maxParallelism(int maxParallelism) {
            this.maxParallelism = maxParallelism;
            return this;
        }

        /** The key groups this subtask owns; default every key group. */
        public Builder keyGroupRange(KeyGroupRange keyGroupRange) {
            this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange");
            return this;
        }

        /** Required: the codec of the stream's keys. */
        @SuppressWarnings("unchecked")
        public Builder keyCodec(Codec<?> keyCodec) {
            this.keyCodec = (Codec<Object>) Objects.requireNonNull(keyCodec, "keyCodec");
            return this;
        }

        /** The job's codecs; default a fresh registry. */
        public Builder codecs(CodecRegistry codecs) {
            this.codecs = Objects.requireNonNull(codecs, "codecs");
            return this;
        }

        /** The job's configuration; default empty. */
        public Builder configuration(Configuration configuration) {
            this.configuration = Objects.requireNonNull(configuration, "configuration");
            return this;
        }

        /**
         * The parameters.
         *
         * @throws IllegalArgumentException if a required value is missing or the values disagree
         */
        public KeyedBackendParameters build() {
            if (operatorName == null) {
                throw new IllegalArgumentException("keyed backend parameters need an operatorName");
            }
            if (keyCodec == null) {
                throw new IllegalArgumentException("keyed backend parameters of '" + operatorName + "' need a keyCodec");
            }
            if (maxParallelism < 1 || parallelism < 1 || subtaskIndex < 0 || subtaskIndex >= parallelism) {
                throw new IllegalArgumentException("operator '" + operatorName + "': invalid subtask " + subtaskIndex
                        + " of parallelism " + parallelism + " with max parallelism " + maxParallelism);
            }
            if (keyGroupRange != null && !keyGroupRange.isEmpty() && keyGroupRange.last() >= maxParallelism) {
                throw new IllegalArgumentException("operator '" + operatorName + "': key-group range " + keyGroupRange
                        + " exceeds max parallelism " + maxParallelism);
            }
            return new KeyedBackendParameters(this);
        }
    }
}

package io.weir.state.heap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Tells whether a stored value can be shared by a snapshot as it is (its encoding can never change), or
 * must be encoded at the barrier because the task might change it in place afterwards. Immutable:
 * strings, boxes, common {@code java.time} values and the like, enum constants (encoded by ordinal), and
 * records whose reference components hold immutable values (checked per value for components of
 * non-final declared type, such as a TTL wrapper's value). Everything else (arrays, collections, other
 * classes) counts as mutable.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: a {@link ClassValue} caches one check per class.
 */
final class Immutability {
    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Boolean.class, Byte.class, Short.class,
            Character.class, Integer.class, Long.class, Float.class, Double.class, BigInteger.class, BigDecimal.class,
            Instant.class, Duration.class, LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class,
            ZonedDateTime.class, ZoneOffset.class, UUID.class);
    private static final int MAX_DEPTH = 8;
    private static final MethodHandle[] NONE = new MethodHandle[0];
    /** Accessors of the components to check per value; {@code null}: mutable; empty: immutable. */
    private static final ClassValue<MethodHandle[]> CHECKS = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
            return check(type);
        }
    };

    private Immutability() {
    }

    /** Whether {@code value} (may be null) can be shared by a snapshot without a copy. */
    static boolean isImmutable(Object value) {
        return isImmutable(value, 0);
    }

    private static boolean isImmutable(Object value, int depth) {
        if (value == null) {
            return true;
        }
        MethodHandle[] parts = CHECKS.get(value.getClass());
        if (parts == null) {
            return false;
        }
        if (parts.length == 0) {
            return true;
        }
        if (depth >= MAX_DEPTH) {
            return false;
        }
        for (MethodHandle part : parts) {
            Object component;
            try {
                component = part.invokeExact(value);
            } catch (Throwable t) {
                return false;
            }
            if (!isImmutable(component, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static MethodHandle[] check(Class<?> type) {
        if (IMMUTABLE.contains(type) || Enum.class.isAssignableFrom(type)) {
            return NONE;
        }
        if (!type.isRecord()) {
            return null;
        }
        List<MethodHandle> parts = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> declared = component.getType();
            if (declared.isPrimitive() || staticallyImmutable(declared)) {
                continue;
            }
            try {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                parts.add(MethodHandles.lookup().unreflect(accessor)
                        .asType(MethodType.methodType(Object.class, Object.class)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null; // cannot look inside: treat as mutable (encoded at the barrier)
            }
        }
        return parts.toArray(NONE);
    }

    /** Every value of a component declared with {@code type} is immutable (without a look at the value). */
    private static boolean staticallyImmutable(Class<?> type) {
        return Enum.class.isAssignableFrom(type)
                || (Modifier.isFinal(type.getModifiers()) && IMMUTABLE.contains(type));
    }
}

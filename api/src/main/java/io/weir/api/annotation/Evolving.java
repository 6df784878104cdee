package io.weir.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An evolving API: it may change between minor releases, with a note in the release notes.
 *
 * <p>Every public type of {@code io.weir.api} and {@code io.weir.spi} carries exactly one of
 * {@link Stable}, {@link Evolving}, {@link Experimental} or {@link Internal}; an architecture test
 * enforces it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD, ElementType.PACKAGE})
@Stable
public @interface Evolving {
}

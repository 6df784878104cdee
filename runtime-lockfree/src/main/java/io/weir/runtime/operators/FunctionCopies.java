package io.weir.runtime.operators;

import io.weir.api.functions.RichFunction;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Gives each parallel subtask its own copy of a user function, by Java serialization, as Flink does:
 * fields a rich function sets in {@code open} (state handles, counters) then belong to one subtask.
 * A rich function that cannot be serialized is an error naming the operator; a plain function that
 * cannot be is shared (it must be stateless, which the {@code RichFunction} Javadoc says).
 */
public final class FunctionCopies {
    private FunctionCopies() {
    }

    /** A copy of {@code function} for one subtask of {@code operator}; {@code null} stays {@code null}. */
    @SuppressWarnings("unchecked")
    public static <F> F copy(F function, String operator) {
        if (function == null) {
            return null;
        }
        byte[] bytes;
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
                out.writeObject(function);
            }
            bytes = buffer.toByteArray();
        } catch (NotSerializableException e) {
            if (function instanceof RichFunction) {
                throw new IllegalArgumentException("the function of operator '" + operator + "' ("
                        + function.getClass().getName() + ") is not serializable: " + e.getMessage()
                        + " is not. Each parallel subtask gets its own copy of a rich function, as in Flink: make "
                        + "that field transient and create it in open(), or make its type serializable (an anonymous "
                        + "or inner class also captures its enclosing instance: use a static nested class)", e);
            }
            return function;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot copy the function of operator '" + operator + "': " + e, e);
        }
        ClassLoader loader = function.getClass().getClassLoader();
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return (F) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("cannot copy the function of operator '" + operator + "': " + e, e);
        }
    }

    /** Resolves classes with the function's own class loader (plugins, test class loaders). */
    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall back to the default resolution (primitives, JDK classes)
                }
            }
            return super.resolveClass(desc);
        }
    }
}

package io.weir.archtests;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.MonitorInstruction;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code synchronized} blocks, which ArchUnit does not model: it reads the class file with the
 * JDK's {@code java.lang.classfile} API and reports each {@code monitorenter} instruction.
 */
final class MonitorScanner {
    private MonitorScanner() {
    }

    /** Each {@code synchronized} block of {@code type}, as {@code Class.method (line n)}. */
    static List<String> synchronizedBlocks(JavaClass type) {
        Source source = type.getSource().orElseThrow(() ->
                new IllegalStateException("no class file known for " + type.getName()));
        ClassModel model = ClassFile.of().parse(read(source));
        List<String> blocks = new ArrayList<>();
        for (MethodModel method : model.methods()) {
            method.code().ifPresent(code -> scan(type.getName() + "." + method.methodName().stringValue(), code, blocks));
        }
        return blocks;
    }

    private static void scan(String method, CodeModel code, List<String> blocks) {
        int line = -1;
        for (CodeElement element : code) {
            if (element instanceof LineNumber n) {
                line = n.line();
            } else if (element instanceof MonitorInstruction m && m.opcode() == Opcode.MONITORENTER) {
                blocks.add(method + " (line " + line + ")");
            }
        }
    }

    private static byte[] read(Source source) {
        try (InputStream in = source.getUri().toURL().openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file " + source.getUri(), e);
        }
    }
}

package org.policykb.source;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

import org.mozilla.universalchardet.Constants;
import org.mozilla.universalchardet.UniversalDetector;

/** juniversalchardet's statistical answer for some bytes, as a Java charset that decodes them. */
final class DetectedCharset {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset BIG5 = Charset.forName("Big5");

    private DetectedCharset() {
    }

    /** The detector's answer, or empty when it has none or names a charset this JVM cannot decode. */
    static Optional<Charset> of(byte[] bytes) {
        // UniversalDetector keeps state and is not thread-safe: one per call.
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        return Optional.ofNullable(detector.getDetectedCharset()).flatMap(DetectedCharset::toJava);
    }

    /** True for charsets that spend one byte per character, whose guesses on short Chinese input are noise. */
    static boolean isSingleByte(Charset charset) {
        return charset.canEncode() && charset.newEncoder().maxBytesPerChar() <= 1.0f;
    }

    private static Optional<Charset> toJava(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        // GB18030 is a superset of GB2312 and GBK, and decodes every file written in them.
        if (upper.equals(Constants.CHARSET_GB18030.toUpperCase(Locale.ROOT))
                || upper.equals(Constants.CHARSET_GBK.toUpperCase(Locale.ROOT))
                || upper.equals("GB2312")
                || upper.equals(Constants.CHARSET_HZ_GB_2312.toUpperCase(Locale.ROOT))) {
            return Optional.of(GB18030);
        }
        if (upper.equals(Constants.CHARSET_BIG5.toUpperCase(Locale.ROOT))) {
            return Optional.of(BIG5);
        }
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}

package org.policykb.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.policykb.model.Problem;
import org.policykb.source.DecodeResult.Decoded;
import org.policykb.source.DecodeResult.Undecodable;
import org.policykb.source.StrictDecoding.Broken;
import org.policykb.source.StrictDecoding.Clean;

/**
 * Turns a file's bytes into its exact text. The charset comes from, in order: a byte-order mark; the bytes
 * being valid UTF-8; juniversalchardet; and, when the detector is unsure (no answer, or a single-byte guess
 * on short Chinese input), a strict GB18030 then Big5 decode whose result must read as Chinese. Every decode
 * is strict, so a wrong or damaged file becomes a {@link Problem} rather than garbled text. Thread-safe.
 */
public final class TextDecoder {

    /** A wrong charset garbles most non-ASCII characters; a right one with damaged bytes garbles few. */
    private static final int READABLE_PER_BAD_SEQUENCE = 10;

    public DecodeResult decode(String fileName, byte[] bytes) {
        Optional<ByteOrderMark> bom = ByteOrderMark.find(bytes);
        if (bom.isPresent()) {
            return switch (StrictDecoding.of(bytes, bom.get().length(), bom.get().charset())) {
                case Clean clean -> accept(fileName, clean);
                case Broken broken -> new Undecodable(badSequence(fileName, broken));
            };
        }
        if (containsNul(bytes)) {
            return decodeWithNul(fileName, bytes);
        }
        return switch (StrictDecoding.of(bytes, 0, StandardCharsets.UTF_8)) {
            case Clean clean -> accept(fileName, clean);
            case Broken utf8 -> decodeNotUtf8(fileName, bytes, utf8);
        };
    }

    /**
     * Bytes that are not valid UTF-8: damaged UTF-8, a mix of UTF-8 and another encoding, or a legacy charset.
     * GBK or Big5 bytes misread as UTF-8 yield about one ideograph per hundred bad sequences (measured on the
     * sample documents), so many ideographs per bad sequence mean damaged UTF-8, and one per two a mix.
     */
    private static DecodeResult decodeNotUtf8(String fileName, byte[] bytes, Broken utf8) {
        long ideographs = utf8.readable().codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .count();
        if (ideographs >= READABLE_PER_BAD_SEQUENCE * (long) utf8.badSequences()) {
            return new Undecodable(badSequence(fileName, utf8));
        }
        if (ideographs >= READABLE_PER_BAD_SEQUENCE && 2 * ideographs >= utf8.badSequences()) {
            return new Undecodable(Problem.error(fileName, utf8.line(), "cannot tell the encoding: part of the file "
                    + "reads as UTF-8, but " + utf8.badSequences() + " byte sequences, the first at byte offset "
                    + utf8.firstBadByte() + ", do not; it probably mixes two encodings"));
        }
        return decodeLegacy(fileName, bytes);
    }

    private static DecodeResult decodeLegacy(String fileName, byte[] bytes) {
        // A detector answer of UTF-8 is already refuted by the strict decode, so it counts as no answer.
        Optional<Charset> detected = DetectedCharset.of(bytes).filter(cs -> !cs.equals(StandardCharsets.UTF_8));
        boolean detectorSure = detected.isPresent() && !DetectedCharset.isSingleByte(detected.get());
        List<StrictDecoding> attempts = new ArrayList<>();
        for (Charset candidate : candidates(detected, detectorSure)) {
            StrictDecoding decoding = StrictDecoding.of(bytes, 0, candidate);
            if (decoding instanceof Clean clean && (detectorSure || candidate.equals(detected.orElse(null))
                    || TextShape.of(clean.text()).readsAsChinese())) {
                return accept(fileName, clean);
            }
            attempts.add(decoding);
        }
        for (StrictDecoding attempt : attempts) {
            // Any bytes decode as some ideographs in GB18030 or Big5, so a damaged file must also read as Chinese.
            if (attempt instanceof Broken broken
                    && nonAscii(broken) >= READABLE_PER_BAD_SEQUENCE * (long) broken.badSequences()
                    && TextShape.of(broken.readable()).readsAsChinese()) {
                return new Undecodable(badSequence(fileName, broken));
            }
        }
        List<String> tried = new ArrayList<>(List.of(StandardCharsets.UTF_8.name()));
        attempts.forEach(attempt -> tried.add(attempt.charset().name()));
        return new Undecodable(Problem.error(fileName, 0, "cannot tell the encoding: the file has no byte-order mark "
                + "and does not read as " + String.join(", ", tried.subList(0, tried.size() - 1)) + " or "
                + tried.getLast() + " (wrong or garbled characters in each); save it as UTF-8"));
    }

    /** A sure detector is trusted alone; an unsure one is tried after the two Chinese charsets. */
    private static Set<Charset> candidates(Optional<Charset> detected, boolean detectorSure) {
        Set<Charset> candidates = new LinkedHashSet<>();
        if (detectorSure) {
            candidates.add(detected.get());
            return candidates;
        }
        candidates.add(DetectedCharset.GB18030);
        candidates.add(DetectedCharset.BIG5);
        detected.ifPresent(candidates::add);
        return candidates;
    }

    /** NUL bytes mean binary data, unless they are the high halves of UTF-16 or UTF-32 characters. */
    private static DecodeResult decodeWithNul(String fileName, byte[] bytes) {
        Optional<Charset> wide = DetectedCharset.of(bytes).filter(cs -> cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32"));
        if (wide.isPresent() && StrictDecoding.of(bytes, 0, wide.get()) instanceof Clean clean) {
            return accept(fileName, clean);
        }
        return new Undecodable(Problem.error(fileName, 0, "binary file: it contains NUL bytes, so it is not text"
                + " (UTF-16 text needs a byte-order mark, or save it as UTF-8)"));
    }

    private static DecodeResult accept(String fileName, Clean clean) {
        TextShape shape = TextShape.of(clean.text());
        if (shape.looksBinary()) {
            return new Undecodable(Problem.error(fileName, 0, "binary file: " + shape.controls() + " of its "
                    + shape.visible() + " characters (white space aside) are control characters, so it is not text"));
        }
        return new Decoded(clean.text(), clean.charset().name());
    }

    private static long nonAscii(Broken broken) {
        return broken.readable().chars().filter(c -> c > 0x7F).count();
    }

    private static Problem badSequence(String fileName, Broken broken) {
        String more = broken.badSequences() == 1 ? "" : " (" + broken.badSequences() + " bad sequences in all)";
        return Problem.error(fileName, broken.line(), "invalid or truncated " + broken.charset().name()
                + " byte sequence at byte offset " + broken.firstBadByte() + more + "; the file is damaged or cut short");
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}

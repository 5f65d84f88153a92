package org.policykb.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * One strict decode of some bytes in one charset. Every malformed or unmappable sequence is reported, never
 * replaced, so a wrong guess shows as an error instead of as garbled text.
 */
sealed interface StrictDecoding permits StrictDecoding.Clean, StrictDecoding.Broken {

    Charset charset();

    /** Every byte decoded. */
    record Clean(Charset charset, String text) implements StrictDecoding {}

    /**
     * Some bytes did not decode.
     *
     * @param firstBadByte offset in the whole file of the first byte that did not decode
     * @param line         1-based line of that byte
     * @param badSequences how many undecodable sequences there are in all
     * @param readable     the characters that did decode, with the bad sequences left out
     */
    record Broken(Charset charset, int firstBadByte, int line, int badSequences, String readable)
            implements StrictDecoding {}

    /** Decodes {@code bytes} from {@code start} (past a byte-order mark, say) to the end. */
    static StrictDecoding of(byte[] bytes, int start, Charset charset) {
        if (charset.equals(java.nio.charset.StandardCharsets.UTF_8)) {
            // The JDK's own UTF-8 decoding of a String is several times faster, and replaces each malformed sequence
            // with U+FFFD: without one in the result, every byte decoded. (With one, written or replaced, the
            // decoder below says which.) Every source of every build is decoded, most of them UTF-8.
            String text = new String(bytes, start, bytes.length - start, charset);
            if (text.indexOf('\uFFFD') < 0) {
                return new Clean(charset, text);
            }
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((bytes.length - start) * (double) decoder.maxCharsPerByte()) + 16);
        int firstBadByte = -1;
        int firstBadChar = -1;
        int badSequences = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                if (firstBadByte < 0) {
                    firstBadByte = in.position();
                    firstBadChar = out.position();
                }
                badSequences++;
                in.position(in.position() + result.length());
            } else if (result.isOverflow()) {
                out = grow(out);
            } else {
                break;
            }
        }
        while (decoder.flush(out).isOverflow()) {
            out = grow(out);
        }
        String text = out.flip().toString();
        if (badSequences == 0) {
            return new Clean(charset, text);
        }
        return new Broken(charset, firstBadByte, lineAt(text, firstBadChar), badSequences, text);
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        return bigger.put(out.flip());
    }

    /** The 1-based line of the character at {@code index}; CR LF, LF and a lone CR each end a line. */
    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }
}

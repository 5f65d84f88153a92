package org.policykb.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policykb.model.Problem;
import org.policykb.source.DecodeResult.Decoded;
import org.policykb.source.DecodeResult.Undecodable;

class TextDecoderTest {

    private static final String GOAL = "到2025年，学生体质健康测试优良率达到55%以上。（区教体局、区卫健局负责）";
    private static final String POLICY = "一、总体要求\r\n"
            + "（一）指导思想。坚持以人民为中心的发展思想，全面贯彻党的教育方针。\r\n"
            + "（二）主要目标。" + GOAL + "\r\n"
            + "（三）推进义务教育优质均衡发展。深化“双减”改革，加强课后服务。（区教体局牵头，区财政局配合）\r\n";
    private static final String POLICY_TRADITIONAL = "一、總體要求\r\n"
            + "（一）指導思想。堅持以人民為中心的發展思想，全面貫徹黨的教育方針。\r\n"
            + "（二）主要目標。到2025年，學生體質健康測試優良率達到55%以上。（區教體局、區衛健局負責）\r\n";

    private final TextDecoder decoder = new TextDecoder();

    @Test
    void utf8IsDecodedExactly() {
        Decoded decoded = decoded(POLICY.getBytes(StandardCharsets.UTF_8));
        assertEquals(POLICY, decoded.text());
        assertEquals("UTF-8", decoded.charset());
    }

    @Test
    void aReplacementCharacterWrittenInUtf8IsDecodedAsWritten() {
        String text = POLICY + "（原文此处有乱码\uFFFD）";
        Decoded decoded = decoded(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(text, decoded.text());
        assertEquals("UTF-8", decoded.charset());
    }

    @Test
    void utf8ByteOrderMarkIsNotPartOfTheText() {
        Decoded decoded = decoded(withPrefix(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, GOAL, StandardCharsets.UTF_8));
        assertEquals(GOAL, decoded.text());
        assertFalse(decoded.text().startsWith("\uFEFF"));
        assertEquals("UTF-8", decoded.charset());
    }

    @Test
    void utf16LittleEndianWithByteOrderMark() {
        Decoded decoded = decoded(withPrefix(new byte[] {(byte) 0xFF, (byte) 0xFE}, POLICY, StandardCharsets.UTF_16LE));
        assertEquals(POLICY, decoded.text());
        assertEquals("UTF-16LE", decoded.charset());
    }

    @Test
    void utf16BigEndianWithByteOrderMark() {
        Decoded decoded = decoded(withPrefix(new byte[] {(byte) 0xFE, (byte) 0xFF}, POLICY, StandardCharsets.UTF_16BE));
        assertEquals(POLICY, decoded.text());
        assertEquals("UTF-16BE", decoded.charset());
    }

    @Test
    void utf32LittleEndianWithByteOrderMark() {
        Decoded decoded = decoded(withPrefix(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, GOAL, Charset.forName("UTF-32LE")));
        assertEquals(GOAL, decoded.text());
        assertEquals("UTF-32LE", decoded.charset());
    }

    @Test
    void gbkPolicyTextIsReadAsGb18030() {
        Decoded decoded = decoded(POLICY.getBytes(Charset.forName("GBK")));
        assertEquals(POLICY, decoded.text());
        assertEquals("GB18030", decoded.charset());
    }

    @Test
    void oneShortGbkSentenceIsReadAsGb18030() {
        Decoded decoded = decoded(GOAL.getBytes(Charset.forName("GBK")));
        assertEquals(GOAL, decoded.text());
        assertEquals("GB18030", decoded.charset());
    }

    /** The detector answers KOI8-R, TIS-620 or windows-1252 for these; the GB18030 fallback must win. */
    @ParameterizedTest
    @ValueSource(strings = {"教育局", "健康", "目标", "学生", "区财政局"})
    void aFewGbkWordsAreReadAsGb18030(String words) {
        Decoded decoded = decoded(words.getBytes(Charset.forName("GBK")));
        assertEquals(words, decoded.text());
        assertEquals("GB18030", decoded.charset());
    }

    @Test
    void gb18030FourByteCharacterOutsideGbk() {
        String text = "（四）表彰奖励。授予刘䶮同志“优秀教师”称号。（区教体局负责）\n";
        Decoded decoded = decoded(text.getBytes(Charset.forName("GB18030")));
        assertEquals(text, decoded.text());
        assertEquals("GB18030", decoded.charset());
    }

    @Test
    void big5PolicyTextIsReadAsBig5() {
        Decoded decoded = decoded(POLICY_TRADITIONAL.getBytes(Charset.forName("Big5")));
        assertEquals(POLICY_TRADITIONAL, decoded.text());
        assertEquals("Big5", decoded.charset());
    }

    @Test
    void shortBig5WordsAreNotTakenForGb18030() {
        Decoded decoded = decoded("教育局".getBytes(Charset.forName("Big5")));
        assertEquals("教育局", decoded.text());
        assertEquals("Big5", decoded.charset());
    }

    @Test
    void lineEndsAreKeptAsWritten() {
        String text = "第一行\r\n第二行\n第三行\r第四行\r\n";
        assertEquals(text, decoded(text.getBytes(StandardCharsets.UTF_8)).text());
        assertEquals(text, decoded(text.getBytes(Charset.forName("GBK"))).text());
    }

    @Test
    void truncatedUtf8SequenceIsReportedWithItsLine() {
        byte[] head = ("一、总体要求\r\n" + GOAL + "\r\n第三行：").getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf("推".getBytes(StandardCharsets.UTF_8), 2);
        byte[] tail = "进义务教育优质均衡发展。\r\n第四行\r\n".getBytes(StandardCharsets.UTF_8);
        Problem problem = problem(concat(head, cut, tail));
        assertEquals(Problem.Severity.ERROR, problem.severity());
        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("invalid or truncated UTF-8"), problem.message());
        assertTrue(problem.message().contains("byte offset " + head.length), problem.message());
    }

    @Test
    void gbkFileCutInTheMiddleOfACharacterIsReportedWithItsLine() {
        byte[] whole = POLICY.getBytes(Charset.forName("GBK"));
        byte[] cut = Arrays.copyOf(whole, whole.length - 3); // drops CR LF and the second byte of 「）」
        Problem problem = problem(cut);
        assertEquals(4, problem.line());
        assertTrue(problem.message().contains("invalid or truncated GB18030"), problem.message());
    }

    @Test
    void nulBytesMeanABinaryFile() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        Problem problem = problem(png);
        assertEquals(Problem.Severity.ERROR, problem.severity());
        assertTrue(problem.message().startsWith("binary file"), problem.message());
    }

    @Test
    void mostlyControlCharactersMeanABinaryFile() {
        byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8, 'a', 'b', 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x7F};
        assertTrue(problem(bytes).message().startsWith("binary file"));
    }

    @Test
    void bytesNoCharsetReadsAreNotTurnedIntoGarbledText() {
        byte[] bytes = {'a', (byte) 0x80, ' ', (byte) 0x81, ' ', (byte) 0xFF, (byte) 0xFF, '\n'};
        Problem problem = problem(bytes);
        assertEquals(Problem.Severity.ERROR, problem.severity());
        assertTrue(problem.message().startsWith("cannot tell the encoding"), problem.message());
    }

    @Test
    void aFileMixingUtf8AndGbkIsReportedAtTheFirstGbkLine() {
        byte[] bytes = concat((POLICY + "第五行：").getBytes(StandardCharsets.UTF_8), GOAL.getBytes(Charset.forName("GBK")));
        Problem problem = problem(bytes);
        assertEquals(5, problem.line());
        assertTrue(problem.message().startsWith("cannot tell the encoding"), problem.message());
        assertTrue(problem.message().contains("mixes two encodings"), problem.message());
    }

    @Test
    void anEmptyFileDecodesToNothing() {
        assertEquals("", decoded(new byte[0]).text());
    }

    /** UniversalDetector keeps state; one shared decoder must still give every thread its own answer. */
    @Test
    void oneDecoderServesManyThreadsAtOnce() {
        byte[] gbk = POLICY.getBytes(Charset.forName("GBK"));
        byte[] big5 = POLICY_TRADITIONAL.getBytes(Charset.forName("Big5"));
        List<String> texts = IntStream.range(0, 400).parallel()
                .mapToObj(i -> decoded(i % 2 == 0 ? gbk : big5).text())
                .toList();
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(i % 2 == 0 ? POLICY : POLICY_TRADITIONAL, texts.get(i));
        }
    }

    /** Every line of the sample documents, saved alone as GBK, the way a short notice would be. */
    @Test
    void everySampleLineSavedAsGbkComesBackExactlyAsGb18030() throws IOException {
        Charset gbk = Charset.forName("GBK");
        List<String> lines;
        try (Stream<Path> files = Files.list(Path.of("content"))) {
            lines = files.sorted().flatMap(TextDecoderTest::lines)
                    .filter(line -> line.chars().anyMatch(c -> c > 0x7F) && gbk.newEncoder().canEncode(line))
                    .toList();
        }
        assertTrue(lines.size() > 200, "sample lines: " + lines.size());
        for (String line : lines) {
            Decoded decoded = assertInstanceOf(Decoded.class, decoder.decode("line.txt", line.getBytes(gbk)), line);
            assertEquals(line, decoded.text());
            assertEquals("GB18030", decoded.charset(), line);
        }
    }

    @Test
    void everySampleDocumentSavedAsGbkOrUtf16ComesBackExactly() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("content"))) {
            for (Path file : files.sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertEquals(text, decoded(text.getBytes(Charset.forName("GB18030"))).text(), file.toString());
                assertEquals(text, decoded(withPrefix(new byte[] {(byte) 0xFE, (byte) 0xFF}, text, StandardCharsets.UTF_16BE)).text());
            }
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Decoded decoded(byte[] bytes) {
        return assertInstanceOf(Decoded.class, decoder.decode("policy.txt", bytes));
    }

    private Problem problem(byte[] bytes) {
        Problem problem = assertInstanceOf(Undecodable.class, decoder.decode("policy.txt", bytes)).problem();
        assertEquals("policy.txt", problem.file());
        return problem;
    }

    private static byte[] withPrefix(byte[] prefix, String text, Charset charset) {
        return concat(prefix, text.getBytes(charset));
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}

package org.policykb.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeCommandTest {
    @Test
    void servesOnLoopbackUnlessToldOtherwise() throws UnknownHostException {
        ServeCommand serve = CommandLine.populateCommand(new ServeCommand());
        assertEquals("127.0.0.1", serve.bind);
        assertTrue(InetAddress.getByName(serve.bind).isLoopbackAddress());
        assertEquals("0.0.0.0", CommandLine.populateCommand(new ServeCommand(), "--bind", "0.0.0.0").bind);
    }
}

package org.policykb.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code policykb} command: one small class per subcommand, registered here. */
@Command(name = "policykb", mixinStandardHelpOptions = true, version = "PolicyKB 0.1",
        description = "Turns policy documents into a searchable static knowledge base.",
        subcommands = {BuildCommand.class, ServeCommand.class, SearchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the build found problems and --strict was given",
                "2:invalid arguments", "3:the build could not run (I/O error, missing folder, out of memory)"})
public final class Main {
    public static void main(String[] args) {
        // Lucene warns on every run that the JDK's incubating vector module is not enabled. It is about speed, and
        // enabling it made no measurable difference to a 1,000-document build (two runs each way), while the JVM
        // then prints a warning of its own instead. The logger is held until exit: a JUL
        // logger nobody references may be collected, and its level with it.
        java.util.logging.Logger vectorization =
                java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");
        vectorization.setLevel(java.util.logging.Level.SEVERE);
        int exit = commandLine().execute(args);
        java.lang.ref.Reference.reachabilityFence(vectorization);
        System.exit(exit);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}

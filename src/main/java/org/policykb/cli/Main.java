package org.policykb.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code policykb} command: one small class per subcommand, registered here. */
@Command(name = "policykb", mixinStandardHelpOptions = true, version = "PolicyKB 0.1",
        description = "Turns policy documents into a searchable static knowledge base.",
        subcommands = {BuildCommand.class, ServeCommand.class, SearchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the build found problems and --strict was given",
                "2:invalid arguments", "3:the build could not run (I/O error, missing folder)"})
public final class Main {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}

package org.policykb.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true, description = "Build the site from the content folder.")
final class BuildCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}

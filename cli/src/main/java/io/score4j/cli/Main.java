package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.MemoryEstimate;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code score4j} command-line tool. User errors (bad flags, bad files, bad
 * values) print one line starting {@code error:} on stderr and exit with code 2, no stack trace;
 * anything else is a bug and exits with 1 and its stack trace.
 */
@Command(name = "score4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Score-based generative modeling on the JVM: learn a score from samples, sample by following it.",
        subcommands = {DemoCommand.class, TrainCommand.class, ScoreCommand.class, SampleCommand.class, LogpCommand.class,
                ImputeCommand.class, EvalCommand.class, ReportCommand.class, BenchCommand.class, BaselineCommand.class,
                SweepCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for user errors. */
    public static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: score4j demo, or score4j --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the tool with the given streams and returns the exit code (for tests and embedding). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(Integer.class, new Converters.IntConverter());
        cl.registerConverter(Integer.TYPE, new Converters.IntConverter());
        cl.setExecutionStrategy(Main::checkFilesThenRun);
        cl.setParameterExceptionHandler((thrown, a) -> {
            CommandLine.ParameterException ex = unknownFirst(thrown);
            err.println("error: " + oneLine(ex.getMessage()) + suggestion(ex));
            err.flush();
            return USER_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException) {
                err.println("error: " + oneLine(ex.getMessage()));
                err.flush();
                return USER_ERROR;
            }
            throw ex;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // A backstop: runs are checked against the heap before they allocate (MemoryEstimate), but the
            // estimates are lower bounds. The arrays are unreachable once the stack has unwound.
            err.println("error: out of memory: this run needs more than the Java heap limit of "
                    + MemoryEstimate.size(MemoryEstimate.heapLimit()) + " (-Xmx; raise it with SCORE4J_JVM_OPTS=-Xmx...)"
                    + " or smaller sizes (--n, --batch, --hidden); nothing was written");
            err.flush();
            return USER_ERROR;
        }
    }

    /**
     * Checks the files the command declares ({@link DeclaresFiles}) and then runs it; help and version
     * requests run without the check.
     */
    private static int checkFilesThenRun(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        boolean help = parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested();
        while (last.hasSubcommand()) {
            last = last.subcommand();
            help |= last.isUsageHelpRequested() || last.isVersionHelpRequested();
        }
        if (!help && last.commandSpec().userObject() instanceof DeclaresFiles command) {
            try {
                command.files().check();
            } catch (InputException e) {
                throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), e.getMessage(), e);
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /**
     * A mistyped flag is the error to show even when picocli found a required option missing first
     * ({@code train --hiden 8} lacks {@code --out} only because of the typo's neighbours, often).
     */
    private static CommandLine.ParameterException unknownFirst(CommandLine.ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        if (!(ex instanceof CommandLine.UnmatchedArgumentException) && cl != null && !cl.getUnmatchedArguments().isEmpty()) {
            return new CommandLine.UnmatchedArgumentException(cl, cl.getUnmatchedArguments());
        }
        return ex;
    }

    /** "; did you mean --epochs?" for a mistyped flag or command close to a real one, else "". */
    private static String suggestion(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> near = nearest(u.getUnmatched().isEmpty() ? "" : u.getUnmatched().get(0), u.getSuggestions());
            if (!near.isEmpty()) {
                return "; did you mean " + String.join(" or ", near.subList(0, Math.min(3, near.size()))) + "?";
            }
        }
        return "";
    }

    /** The suggestions at the smallest edit distance from what was typed (all of them when nothing was). */
    private static List<String> nearest(String typed, List<String> suggestions) {
        if (typed.isEmpty() || suggestions.isEmpty()) {
            return suggestions;
        }
        int best = suggestions.stream().mapToInt(c -> distance(typed, c)).min().orElseThrow();
        return suggestions.stream().filter(c -> distance(typed, c) == best).toList();
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String oneLine(String s) {
        return s == null ? "unknown error" : s.replace('\n', ' ').replace('\r', ' ');
    }

    /** Prints the version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"score4j " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
        }
    }
}

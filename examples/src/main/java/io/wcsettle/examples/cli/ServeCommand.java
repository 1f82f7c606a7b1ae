package io.wcsettle.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.wcsettle.gateway.GatewayConfig;
import io.wcsettle.gateway.GatewayMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code serve}: runs the local HTTP gateway ({@code wcsettle-gateway}) for a HIS that is not
 * written in Java, from a configuration file (see {@link GatewayConfig}), until interrupted. A
 * port in use, a missing file or a bad value is one {@code error:} line naming the setting.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the local HTTP gateway on 127.0.0.1 (the discharge workflow as JSON, OpenAPI at /openapi.json)"
                + " until Ctrl-C.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "the gateway's configuration, properties or JSON (platform, keys, institution, outbox, catalogue,"
                    + " insured places, token file, port)")
    private Path config;

    @Option(names = "--port", paramLabel = "N", description = "TCP port on 127.0.0.1, overriding gateway.port (0: any free one)")
    private Integer port;

    @Override
    public Integer call() throws Exception {
        if (port != null && (port < 0 || port > 65535)) {
            throw new ParameterException(spec.commandLine(), "--port must be 0..65535, was " + port);
        }
        GatewayConfig settings = GatewayConfig.load(config);
        if (port != null) {
            settings = settings.with("gateway.port", Integer.toString(port));
        }
        PrintStream out = System.out;
        CountDownLatch stop = new CountDownLatch(1);
        try (GatewayMain.Served served = GatewayMain.Served.start(settings, Clock.system(ZoneId.of("Asia/Shanghai")))) {
            Thread hook = new Thread(stop::countDown);
            Runtime.getRuntime().addShutdownHook(hook);
            out.println(served.banner());
            out.println("send 'Authorization: Bearer <token>' on every call; OpenAPI at " + served.gateway().uri()
                    + "/openapi.json; Ctrl-C to stop");
            out.flush();
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is stopping: the hook has run
                }
            }
        }
        return 0;
    }
}

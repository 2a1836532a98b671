package dev.plate.cli;

import java.util.Optional;
import picocli.CommandLine.IVersionProvider;

/** The CLI's version, from the jar's manifest when packaged. */
public final class Version implements IVersionProvider {

    static final String VERSION = Optional.ofNullable(Version.class.getPackage().getImplementationVersion())
            .orElse("dev");

    @Override
    public String[] getVersion() {
        return new String[] {"plate-cli " + VERSION};
    }
}

package org.hrnode.node.config;

/** Configuration that cannot be used as given; the message says which setting, where it came from, and why. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}

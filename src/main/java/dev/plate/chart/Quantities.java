package dev.plate.chart;

import java.math.BigDecimal;

/** Kubernetes quantities in the forms {@link KubernetesNames} accepts, as numbers to compare. */
final class Quantities {

    private Quantities() {}

    static long cpuMillis(String cpu) {
        return cpu.endsWith("m") ? Long.parseLong(cpu.substring(0, cpu.length() - 1))
                : new BigDecimal(cpu).movePointRight(3).longValue();
    }

    static long memoryBytes(String memory) {
        int unit = 0;
        while (unit < memory.length() && Character.isDigit(memory.charAt(unit))) {
            unit++;
        }
        long number = Long.parseLong(memory.substring(0, unit));
        return number * switch (memory.substring(unit)) {
            case "" -> 1L;
            case "k" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            case "T" -> 1_000_000_000_000L;
            case "Ki" -> 1L << 10;
            case "Mi" -> 1L << 20;
            case "Gi" -> 1L << 30;
            case "Ti" -> 1L << 40;
            default -> throw new IllegalArgumentException("Not a memory quantity: " + memory);
        };
    }
}

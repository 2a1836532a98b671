/**
 * The Helm chart Plate generates and the values it holds: {@link dev.plate.chart.AppConfig} (a project's
 * configuration in one environment), its rules ({@link dev.plate.chart.AppConfigRules}), the dotted-path changes of
 * {@code --set} ({@link dev.plate.chart.ValueChanges}), and {@code values.yaml} written and read back
 * ({@link dev.plate.chart.ValuesWriter}, {@link dev.plate.chart.ValuesReader}). Pure code: no database, no Git.
 */
package dev.plate.chart;

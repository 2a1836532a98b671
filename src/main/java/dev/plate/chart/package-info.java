/**
 * The Helm chart Plate generates and the values it holds: {@link dev.plate.chart.AppConfig} (a project's
 * configuration in one environment) and its rules ({@link dev.plate.chart.AppConfigRules}); {@code values.yaml} as
 * typed data ({@code ChartValues}), written and read back by {@link dev.plate.chart.ValuesWriter} and
 * {@link dev.plate.chart.ValuesReader}; the dotted paths of {@code --set} ({@link dev.plate.chart.ValueChanges}) and
 * value lines typed in the browser ({@link dev.plate.chart.ValueLines}). Pure code: no database, no Git.
 */
package dev.plate.chart;

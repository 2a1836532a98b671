{{/* Names and labels shared by every object. */}}
{{- define "app.fullname" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "app.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end -}}

{{- define "app.labels" -}}
{{ include "app.selectorLabels" . }}
app.kubernetes.io/version: {{ include "app.versionLabel" . | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | quote }}
{{- with .Values.extraLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* The image tag as a label value: at most 63 characters, starting and ending with a letter or digit. */}}
{{- define "app.versionLabel" -}}
{{- .Values.image.tag | default .Chart.AppVersion | trunc 63 | regexReplaceAll "^[^A-Za-z0-9]+" "" | regexReplaceAll "[^A-Za-z0-9]+$" "" -}}
{{- end -}}

{{- define "app.annotations" -}}
{{- with .Values.extraAnnotations }}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* The worker's pods: the app's name, an instance of their own. */}}
{{- define "app.workerSelectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name | quote }}
app.kubernetes.io/instance: {{ printf "%s-worker" .Release.Name | trunc 63 | quote }}
app.kubernetes.io/component: worker
{{- end -}}

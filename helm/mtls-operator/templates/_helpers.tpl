{{/*
The prefix of every object name: the release name when it already names the chart,
otherwise "<release>-mtls-operator". Kubernetes names are at most 63 characters here
because Services and labels carry them.
*/}}
{{- define "mtls-operator.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "mtls-operator.serviceAccountName" -}}
{{- default (include "mtls-operator.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{- define "mtls-operator.leaseName" -}}
{{- printf "%s-leader" (include "mtls-operator.fullname" . | trunc 56 | trimSuffix "-") -}}
{{- end -}}

{{- define "mtls-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "mtls-operator.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "mtls-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

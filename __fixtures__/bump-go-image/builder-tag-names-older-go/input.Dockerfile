FROM registry.ci.openshift.org/ocp/builder:rhel-9-golang-1.22-openshift-4.18 AS builder
WORKDIR /go/src/github.com/example/app
COPY . .
RUN go build -o /app .

FROM registry.ci.openshift.org/stolostron/builder:go1.20-linux AS second
WORKDIR /src
COPY . .
RUN go build -o /app .

FROM registry.ci.openshift.org/ocp/builder:rhel-9-golang-1.24-openshift-4.18 AS current
COPY . .
RUN go build -o /app .

FROM example.com/tools/linter:v2.1-go1.20 AS lint
COPY . .
RUN linter run ./...

FROM registry.ci.openshift.org/ocp/builder:rhel-9-base-openshift-4.18
COPY --from=builder /app /usr/bin/app

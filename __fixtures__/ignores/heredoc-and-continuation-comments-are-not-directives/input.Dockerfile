FROM golang:1.23 AS build
COPY . .
RUN <<EOF
# dockmod-ignore
go build -o /app .
EOF
RUN echo start && \
    # dockmod-ignore
    go build -o /tool ./cmd/tool

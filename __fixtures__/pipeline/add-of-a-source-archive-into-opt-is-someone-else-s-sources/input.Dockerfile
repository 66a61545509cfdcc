FROM golang:1.22
ADD https://github.com/acme/tool/archive/refs/tags/v1.2.0.tar.gz /opt/tool.tar.gz
RUN tar -xzf /opt/tool.tar.gz -C /opt && cd /opt/tool-1.2.0 && go build -o /usr/local/bin/tool .

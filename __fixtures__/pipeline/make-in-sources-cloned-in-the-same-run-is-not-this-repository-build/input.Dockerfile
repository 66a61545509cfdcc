FROM golang:1.21 AS build
COPY files/ /files/
RUN git clone --filter=tree:0 "${TOOL_URL}" /tool \
    && cd /tool \
    && make bin/tool
RUN git clone https://github.com/example/other.git \
    && cd other/cmd \
    && make
WORKDIR /src
COPY . .
RUN git clone https://github.com/example/tool /tool && cd /src && make build

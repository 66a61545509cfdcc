FROM golang:1.24 AS release
COPY . /src
WORKDIR /src
ARG REF=v1.0.0
RUN git checkout "$REF" && go build -o /app .

FROM golang:1.24 AS pinned
COPY . /src
WORKDIR /src/cmd
RUN git -C /src reset --hard "$REF"
RUN go build -o /tool .

FROM golang:1.24 AS tools
COPY . /src
WORKDIR /src
RUN git clone https://example.com/tool.git /opt/tool && cd /opt/tool && git checkout v2
RUN go build -o /app .

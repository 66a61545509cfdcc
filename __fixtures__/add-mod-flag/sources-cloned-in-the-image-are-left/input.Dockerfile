FROM golang:1.23
WORKDIR /src
COPY build.sh .
RUN git clone https://example.com/tool.git && cd tool && go build -o /tool .

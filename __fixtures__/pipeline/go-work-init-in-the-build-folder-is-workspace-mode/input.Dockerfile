FROM golang:1.22
WORKDIR /w
COPY a/ a
COPY b/ b
RUN go work init ./a ./b
RUN go build -o /out ./a

import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { WIDGET_DEMO_PAGE } from './widget-demo.page';

/** A bare demo of the widget API at /widget/demo?key=<widget key>; the real widget UI lives elsewhere. */
@ApiExcludeController()
@Controller('widget')
export class WidgetDemoController {
  @Get('demo')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  demo(): string {
    return WIDGET_DEMO_PAGE;
  }
}
